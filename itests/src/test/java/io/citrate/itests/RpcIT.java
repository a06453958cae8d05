package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
    String answer = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> postJsonRpc(chainId),
        body -> body.contains("result"));
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x539\"}", answer);

    String number = postJsonRpc("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_blockNumber\",\"params\":[]}");
    assertTrue(number, number.contains("\"result\":\"0x"));
    assertTrue(postJsonRpc("{oops").contains("-32700"));
    assertTrue(postJsonRpc("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no_such\"}").contains("-32601"));
    assertTrue(postJsonRpc("[]").contains("-32600"));
  }

}
