package io.citrate.rpc.internal;

import com.codahale.metrics.MetricRegistry;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.internal.methods.Subscriber;
import io.citrate.rpc.internal.methods.SubscriptionHub;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON-RPC WebSocket connection: each text (or binary) message is a request or a batch for the same
 * {@link JsonRpcProcessor} as HTTP, with the connection's own {@code eth_subscribe} and {@code eth_unsubscribe}
 * in front of the endpoint's methods. Answers and notifications leave through one {@link OutboundQueue}.
 */
final class JsonRpcWebSocket implements WebSocketListener {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcWebSocket.class);

  private final SubscriptionHub hub;
  private final MethodTable methods;
  private final MetricRegistry metrics;
  private final WebSocketLimits limits;
  private Subscriber subscriber;
  private JsonRpcProcessor processor;

  JsonRpcWebSocket(SubscriptionHub hub, MethodTable methods, MetricRegistry metrics, WebSocketLimits limits) {
    this.hub = hub;
    this.methods = methods;
    this.metrics = metrics;
    this.limits = limits;
  }

  @Override
  public void onWebSocketConnect(Session session) {
    subscriber = new Subscriber(new SessionSink(session), limits.sendQueueMax(), limits.maxSubscriptions(),
        hub::unregister);
    Map<String, JsonRpcMethod> own = subscriber.methods().stream()
        .collect(Collectors.toUnmodifiableMap(JsonRpcMethod::name, Function.identity()));
    MethodTable connectionMethods = name -> own.containsKey(name) ? own.get(name) : methods.get(name);
    processor = new JsonRpcProcessor(new TimedMethodTable(connectionMethods, metrics), limits.batchMaxRequests());
    hub.register(subscriber);
  }

  @Override
  public void onWebSocketText(String message) {
    answer(message.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void onWebSocketBinary(byte[] payload, int offset, int length) {
    answer(Arrays.copyOfRange(payload, offset, offset + length));
  }

  private void answer(byte[] request) {
    processor.process(request).ifPresent(subscriber::send);
    subscriber.activatePending();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    if (subscriber != null) {
      subscriber.close();
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    LOG.debug("WebSocket connection failed", cause);
    if (subscriber != null) {
      subscriber.close();
    }
  }

  /** Jetty's asynchronous writes behind the outbound queue. */
  private record SessionSink(Session session) implements MessageSink {

    @Override
    public void send(String text, Consumer<Throwable> written) {
      session.getRemote().sendString(text, new WriteCallback() {
        @Override
        public void writeFailed(Throwable failure) {
          written.accept(failure);
        }

        @Override
        public void writeSuccess() {
          written.accept(null);
        }
      });
    }

    @Override
    public void close(int code, String reason) {
      session.close(code, reason);
    }
  }
}
