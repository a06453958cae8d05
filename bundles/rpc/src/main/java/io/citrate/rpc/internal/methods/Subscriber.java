package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.core.api.Bytes;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.internal.MessageSink;
import io.citrate.rpc.internal.OutboundQueue;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One WebSocket connection as the subscription hub sees it: its subscriptions and its outbound queue. A new
 * subscription stays pending until the connection has queued the {@code eth_subscribe} answer
 * ({@link #activatePending}), so the client learns the id before the first notification that carries it.
 * Subscriptions end with the connection; a client that reads too slowly is disconnected ({@link OutboundQueue}).
 */
public final class Subscriber {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom IDS = new SecureRandom();
  private static final int ID_BYTES = 16;

  private final OutboundQueue outbound;
  private final int maxSubscriptions;
  private final Map<String, Subscription> pending = new LinkedHashMap<>();
  private volatile Map<String, Subscription> active = Map.of();

  /**
   * A connection writing to {@code sink}, disconnected when more than {@code sendQueueMax} messages wait for it;
   * {@code onClosed} gets it once when it is closed for any reason.
   */
  public Subscriber(MessageSink sink, int sendQueueMax, int maxSubscriptions, Consumer<Subscriber> onClosed) {
    this.outbound = new OutboundQueue(sink, sendQueueMax, () -> onClosed.accept(this));
    this.maxSubscriptions = maxSubscriptions;
  }

  /** {@code eth_subscribe} and {@code eth_unsubscribe} for this connection. */
  public List<JsonRpcMethod> methods() {
    return List.of(new EthSubscribe(this), new EthUnsubscribe(this));
  }

  /** Sends {@code message} (a response or a notification) to the client; false once the connection is closed. */
  public boolean send(String message) {
    return outbound.offer(message);
  }

  public boolean isOpen() {
    return !outbound.isClosed();
  }

  /** Stops sending: the connection is gone, and its subscriptions with it. */
  public void close() {
    outbound.close();
  }

  /** Starts notifying the subscriptions made since the last call; called once their answers are queued. */
  public synchronized void activatePending() {
    if (pending.isEmpty()) {
      return;
    }
    Map<String, Subscription> next = new LinkedHashMap<>(active);
    next.putAll(pending);
    pending.clear();
    active = Collections.unmodifiableMap(next);
  }

  /** The subscriptions being notified now. */
  Map<String, Subscription> active() {
    return active;
  }

  public synchronized int subscriptionCount() {
    return active.size() + pending.size();
  }

  /** A new subscription's id, or -32005 when the connection holds as many as it may. */
  synchronized String subscribe(Subscription subscription) throws JsonRpcException {
    if (subscriptionCount() >= maxSubscriptions) {
      throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
          "a connection may hold at most " + maxSubscriptions + " subscriptions");
    }
    byte[] random = new byte[ID_BYTES];
    IDS.nextBytes(random);
    String id = Bytes.toHex(random);
    pending.put(id, subscription);
    return id;
  }

  /** Ends subscription {@code id}; false when this connection has none by that id. */
  synchronized boolean unsubscribe(String id) {
    if (pending.remove(id) != null) {
      return true;
    }
    if (!active.containsKey(id)) {
      return false;
    }
    Map<String, Subscription> next = new LinkedHashMap<>(active);
    next.remove(id);
    active = Collections.unmodifiableMap(next);
    return true;
  }

  /** Sends an {@code eth_subscription} notification of {@code result} for subscription {@code id}. */
  void notify(String id, JsonNode result) {
    ObjectNode notification = JSON.createObjectNode();
    notification.put("jsonrpc", "2.0");
    notification.put("method", "eth_subscription");
    ObjectNode params = notification.putObject("params");
    params.put("subscription", id);
    params.set("result", result);
    try {
      send(JSON.writeValueAsString(notification));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a notification could not be written", e);
    }
  }
}
