package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.citrate.core.api.Hash;
import io.citrate.node.api.Node;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * JSON-RPC over WebSocket in the real distribution, on the HTTP endpoint's own path: requests answered as over
 * HTTP, a {@code newHeads} subscription told of a block the node produces, unsubscribed again; pages from
 * foreign origins and foreign Host headers refused; and Prometheus metrics at {@code /metrics}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebSocketRpcIT extends CitrateTestSupport {
  private static final Pattern RESULT = Pattern.compile("\"result\":\"(0x[0-9a-f]+)\"");

  private Node node;

  @Before
  public void waitForTheEndpoint() throws Exception {
    node = await().atMost(Duration.ofSeconds(60)).until(() -> service(Node.class, null), Optional::isPresent)
        .orElseThrow();
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
        .until(() -> postJsonRpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"),
            body -> body.contains("0x539"));
  }

  @Test
  public void subscribesToNewHeadsOverWebSocket() throws Exception {
    Messages messages = new Messages();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port() + "/"), messages).join();
    try {
      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}", true).join();
      assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x539\"}", messages.next());
      socket.sendText("[{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"net_version\"},"
          + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_subscribe\",\"params\":[1]}]", true).join();
      String batch = messages.next();
      assertTrue(batch, batch.contains("\"result\":\"1337\"") && batch.contains("-32602"));

      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}", true)
          .join();
      Matcher subscribed = RESULT.matcher(messages.next());
      assertTrue(subscribed.find());
      String id = subscribed.group(1);

      Hash block = node.produceBlock();
      String head = messages.next();
      assertTrue(head, head.startsWith("{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{"
          + "\"subscription\":\"" + id + "\",\"result\":{"));
      assertTrue(head, head.contains("\"hash\":\"" + block.toHex() + "\""));

      socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"eth_unsubscribe\",\"params\":[\"" + id + "\"]}",
          true).join();
      assertEquals("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":true}", messages.next());
      node.produceBlock();
      assertEquals(null, messages.poll(Duration.ofSeconds(2)));
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }

  @Test
  public void subscriptionsAreForWebSocketsOnly() throws Exception {
    String answer = postJsonRpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}");
    assertTrue(answer, answer.contains("-32601"));
  }

  @Test
  public void refusesPagesFromOtherOriginsAndForeignHosts() throws Exception {
    try {
      HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", "https://evil.example")
          .buildAsync(URI.create("ws://127.0.0.1:" + port() + "/"), new Messages()).join();
      fail("a WebSocket from a foreign origin was accepted");
    } catch (CompletionException refused) {
      assertTrue(String.valueOf(refused.getCause()), refused.getCause() instanceof WebSocketHandshakeException);
      assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port()))) {
      byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}".getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: rebound.evil.example:" + port() + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 403", status);
    }
  }

  @Test
  public void servesPrometheusMetrics() throws Exception {
    postJsonRpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}");
    HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port() + "/metrics")
        .openConnection();
    try (InputStream in = connection.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(200, connection.getResponseCode());
      assertTrue(connection.getContentType(), connection.getContentType().startsWith("text/plain; version=0.0.4"));
      assertTrue(text, text.contains("# TYPE citrate_node_head_number gauge\n"));
      assertTrue(text, text.contains("# TYPE citrate_rpc_method_eth_blockNumber_seconds summary\n"));
      assertTrue(text, text.contains("citrate_rpc_ws_connections "));
    } finally {
      connection.disconnect();
    }
  }

  /** The text messages a WebSocket receives, whole, in order. */
  private static final class Messages implements WebSocket.Listener {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    String next() throws InterruptedException {
      String message = poll(Duration.ofSeconds(30));
      if (message == null) {
        throw new AssertionError("no WebSocket message within 30 s");
      }
      return message;
    }

    String poll(Duration timeout) throws InterruptedException {
      return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static String port() {
    return System.getProperty("citrate.rpc.port");
  }

}
