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
 * "transaction ... not found"; a struct log longer than the configured step limit is error -32005.
 */
public final class DebugTraceTransaction implements JsonRpcMethod {
  private final Node node;
  private final int maxSteps;

  /** Over {@code node}, recording at most {@code maxSteps} struct log entries per trace. */
  public DebugTraceTransaction(Node node, int maxSteps) {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("the step limit must be positive, not " + maxSteps);
    }
    this.node = node;
    this.maxSteps = maxSteps;
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
        : new StructLogger(options, maxSteps);
    Optional<AcceptedTransaction> traced;
    try {
      traced = node.traceTransaction(transaction, tracer);
    } catch (TraceStepLimitException e) {
      throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, e.getMessage());
    }
    if (traced.isEmpty()) {
      throw new JsonRpcException(JsonRpcError.INVALID_INPUT, "transaction " + transaction + " not found");
    }
    return tracer.result(traced.get());
  }
}
