package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * JSON-RPC over HTTP in the real distribution: Pax Web's Jetty serves the node's JSON-RPC endpoint on
 * 127.0.0.1 (a free port here, 8545 in the distribution), answering requests and malformed bodies alike.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RpcIT extends CitrateTestSupport {

  @Test
  public void answersJsonRpcOverHttpOnTheLoopback() throws Exception {
    String chainId = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";
    String answer = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> post(chainId),
        body -> body.contains("result"));
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x539\"}", answer);

    String number = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\",\"params\":[]}");
    assertTrue(number, number.contains("\"result\":\"0x"));
    assertTrue(post("{oops").contains("-32700"));
    assertTrue(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no_such\"}").contains("-32601"));
    assertTrue(post("[]").contains("-32600"));
  }

  private static String post(String body) throws IOException {
    URL url = new URL("http://127.0.0.1:" + System.getProperty("citrate.rpc.port") + "/");
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream in = connection.getResponseCode() < 400 ? connection.getInputStream()
        : connection.getErrorStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      connection.disconnect();
    }
  }
}
