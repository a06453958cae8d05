package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_unsubscribe}, over WebSocket only: ends one of this connection's subscriptions and answers true; an
 * id it does not hold gets geth's "subscription not found" (-32000).
 */
final class EthUnsubscribe implements JsonRpcMethod {
  private final Subscriber subscriber;

  EthUnsubscribe(Subscriber subscriber) {
    this.subscriber = subscriber;
  }

  @Override
  public String name() {
    return "eth_unsubscribe";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    JsonNode id = request.required(0);
    if (!id.isTextual()) {
      throw JsonRpcException.invalidParams("subscription id: a string");
    }
    if (!subscriber.unsubscribe(id.asText())) {
      throw new JsonRpcException(JsonRpcError.INVALID_INPUT, "subscription not found");
    }
    return true;
  }
}
