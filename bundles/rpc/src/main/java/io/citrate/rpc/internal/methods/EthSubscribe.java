package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/**
 * {@code eth_subscribe}, over WebSocket only: {@code ["newHeads"]}, {@code ["logs", {address, topics}]} or
 * {@code ["newPendingTransactions", full?]}; answers the subscription id that notifications carry. Over HTTP the
 * method does not exist (-32601), as in geth.
 */
final class EthSubscribe implements JsonRpcMethod {
  private final Subscriber subscriber;

  EthSubscribe(Subscriber subscriber) {
    this.subscriber = subscriber;
  }

  @Override
  public String name() {
    return "eth_subscribe";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    JsonNode kind = request.required(0);
    if (!kind.isTextual()) {
      throw JsonRpcException.invalidParams("subscription type: a string");
    }
    JsonNode argument = request.optional(1);
    Subscription subscription = switch (kind.asText()) {
      case "newHeads" -> {
        if (argument != null) {
          throw JsonRpcException.invalidParams("newHeads takes no argument");
        }
        yield new Subscription.NewHeads();
      }
      case "logs" -> new Subscription.Logs(LogFilter.parse(argument));
      case "newPendingTransactions" -> {
        if (argument != null && !argument.isBoolean()) {
          throw JsonRpcException.invalidParams("newPendingTransactions: true for full transactions, or nothing");
        }
        yield new Subscription.PendingTransactions(argument != null && argument.asBoolean());
      }
      default -> throw JsonRpcException.invalidParams("no \"" + kind.asText() + "\" subscription in eth namespace");
    };
    return subscriber.subscribe(subscription);
  }
}
