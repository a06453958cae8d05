package io.citrate.rpc.internal.methods;

import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.txpool.api.Admission;

/**
 * {@code eth_sendRawTransaction}: offers a signed transaction to the node and answers its hash once the pool holds
 * it; a refusal is error -32000 with the pool's reason, worded as geth words it, which tools match on.
 */
public final class EthSendRawTransaction implements JsonRpcMethod {
  private final Node node;

  public EthSendRawTransaction(Node node) {
    this.node = node;
  }

  @Override
  public String name() {
    return "eth_sendRawTransaction";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    if (!request.required(0).isTextual()) {
      throw JsonRpcException.invalidParams("transaction must be a hex string");
    }
    byte[] encoded = Quantities.data(request.required(0).asText(), "transaction");
    Admission admission = node.submitTransaction(encoded);
    if (admission instanceof Admission.Rejected rejected) {
      throw new JsonRpcException(JsonRpcError.INVALID_INPUT, rejected.message());
    }
    return admission.hash().toString();
  }
}
