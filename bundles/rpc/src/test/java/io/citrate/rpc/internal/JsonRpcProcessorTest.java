package io.citrate.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.rpc.internal.methods.Namespaces;
import io.citrate.store.api.MemoryKeyValueStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRpcProcessorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  private final JsonRpcProcessor processor = new JsonRpcProcessor(methods(), 4);

  private JsonRpcMethods methods() {
    List<JsonRpcMethod> methods = new ArrayList<>(Namespaces.methods(devnet).toList());
    methods.add(new JsonRpcMethod() {
      @Override
      public String name() {
        return "test_fail";
      }

      @Override
      public Object response(JsonRpcRequest request) {
        throw new IllegalStateException("secret detail of the node");
      }
    });
    return JsonRpcMethods.of(methods);
  }

  private JsonNode call(String body) throws Exception {
    return JSON.readTree(processor.process(body.getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }

  private static String request(String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  @Test
  void answersTheChainIdBlockNumberAndNetworkVersion() throws Exception {
    assertThat(call(request("eth_chainId", "[]")).get("result").asText()).isEqualTo("0x539");
    assertThat(call(request("net_version", "[]")).get("result").asText()).isEqualTo("1337");
    JsonNode number = call(request("eth_blockNumber", "[]"));
    assertThat(number.get("result").asText()).isEqualTo("0x0");
    assertThat(number.get("id").asInt()).isEqualTo(7);
    assertThat(number.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(call(request("web3_clientVersion", "[]")).get("result").asText()).startsWith("Citrate/v");
    assertThat(call(request("web3_sha3", "[\"0x68656c6c6f20776f726c64\"]")).get("result").asText())
        .isEqualTo("0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad");
  }

  @Test
  void aRawTransactionGoesToThePoolAndARefusalSaysWhy() throws Exception {
    Transaction transfer = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 1);
    String raw = io.citrate.core.api.Bytes.toHex(transfer.encoded());
    assertThat(call(request("eth_sendRawTransaction", "[\"" + raw + "\"]")).get("result").asText())
        .isEqualTo(transfer.hash().toString());

    JsonNode again = call(request("eth_sendRawTransaction", "[\"" + raw + "\"]"));
    assertThat(again.get("error").get("code").asInt()).isEqualTo(-32000);
    assertThat(again.get("error").get("message").asText()).startsWith("already known");
    JsonNode garbage = call(request("eth_sendRawTransaction", "[\"0x02c0\"]"));
    assertThat(garbage.get("error").get("code").asInt()).isEqualTo(-32000);
  }

  @Test
  void malformedParametersAreInvalidParams() throws Exception {
    assertThat(call(request("eth_chainId", "[1]")).get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(call(request("web3_sha3", "[]")).get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(call(request("web3_sha3", "[\"abc\"]")).get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(call(request("web3_sha3", "[12]")).get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(call(request("eth_sendRawTransaction", "[\"0xzz\"]")).get("error").get("code").asInt())
        .isEqualTo(-32602);
    assertThat(call(request("eth_chainId", "{\"a\":1}")).get("error").get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void malformedRequestsGetTheirJsonRpcErrors() throws Exception {
    assertThat(call("{not json").get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(call("").get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(call("42").get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(call("{\"id\":1,\"method\":\"eth_chainId\"}").get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}").get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"eth_chainId\"}").get("error").get("code").asInt())
        .isEqualTo(-32600);
    JsonNode unknown = call(request("eth_noSuchMethod", "[]"));
    assertThat(unknown.get("error").get("code").asInt()).isEqualTo(-32601);
    assertThat(unknown.get("id").asInt()).isEqualTo(7);
  }

  @Test
  void aFailureInsideTheNodeIsAnInternalErrorWithoutItsDetail() throws Exception {
    JsonNode failed = call(request("test_fail", "[]"));
    assertThat(failed.get("error").get("code").asInt()).isEqualTo(-32603);
    assertThat(failed.toString()).doesNotContain("secret");
  }

  @Test
  void batchesAreAnsweredInOrderWithinTheirLimitAndNotificationsGetNothing() throws Exception {
    JsonNode batch = call("[" + request("eth_chainId", "[]") + ",{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
        + request("eth_noSuchMethod", "[]") + "]");
    assertThat(batch).hasSize(2);
    assertThat(batch.get(0).get("result").asText()).isEqualTo("0x539");
    assertThat(batch.get(1).get("error").get("code").asInt()).isEqualTo(-32601);

    assertThat(call("[]").get("error").get("code").asInt()).isEqualTo(-32600);
    String five = String.join(",", java.util.Collections.nCopies(5, request("eth_chainId", "[]")));
    assertThat(call("[" + five + "]").get("error").get("code").asInt()).isEqualTo(-32005);
    assertThat(processor.process("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }
}
