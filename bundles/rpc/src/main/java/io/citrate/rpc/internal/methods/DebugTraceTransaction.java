package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Hash;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.Optional;

/**
 * {@code debug_traceTransaction(hash, options?)}: replays a transaction the selected chain accepted and answers geth's
 * struct logs, or with {@code {"tracer": "callTracer"}} its call frames. An unknown transaction is error -32000
 * "transaction ... not found"; a struct log past the configured {@link TraceLimits} is error -32005.
 */
public final class DebugTraceTransaction implements JsonRpcMethod {
  private final Node node;
  private final TraceLimits limits;

  /** Over {@code node}, recording struct logs within {@code limits}. */
  public DebugTraceTransaction(Node node, TraceLimits limits) {
    this.node = node;
    this.limits = limits;
  }

  @Override
  public String name() {
    return "debug_traceTransaction";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    Hash transaction = Quantities.hash(request.required(0), "transaction hash");
    TraceOptions options = TraceOptions.parse(request.optional(1));
    TransactionTracer tracer = options.isCallTracer()
        ? new CallTracer(options.onlyTopCall(), options.withLog())
        : new StructLogger(options, limits);
    Optional<AcceptedTransaction> traced;
    try {
      traced = node.traceTransaction(transaction, tracer);
    } catch (TraceLimitException e) {
      throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, e.getMessage());
    }
    if (traced.isEmpty()) {
      throw new JsonRpcException(JsonRpcError.INVALID_INPUT, "transaction " + transaction + " not found");
    }
    return tracer.result(traced.get());
  }
}
