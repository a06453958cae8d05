package io.citrate.rpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.node.api.NodeStatus;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.rpc.internal.methods.Namespaces;
import io.citrate.store.api.MemoryKeyValueStore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The method list Ethereum tools rely on, checked as a whole: every method is served, and each answers a malformed
 * request with -32602 (invalid params) and changes nothing.
 */
class EveryMethodTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADDRESS = "\"0x00000000000000000000000000000000000ca201\"";
  private static final String HASH = "\"0x" + "ab".repeat(32) + "\"";

  /** Each method with parameters it must refuse. */
  private static final Map<String, String> MALFORMED = new LinkedHashMap<>();

  static {
    MALFORMED.put("eth_chainId", "[1]");
    MALFORMED.put("eth_blockNumber", "[1]");
    MALFORMED.put("eth_getBalance", "[\"0x12\",\"latest\"]");
    MALFORMED.put("eth_getCode", "[\"0xzz\",\"latest\"]");
    MALFORMED.put("eth_getStorageAt", "[" + ADDRESS + ",\"slot\",\"latest\"]");
    MALFORMED.put("eth_getTransactionCount", "[" + ADDRESS + ",\"newest\"]");
    MALFORMED.put("eth_call", "[\"to\",\"latest\"]");
    MALFORMED.put("eth_estimateGas", "[5]");
    MALFORMED.put("eth_createAccessList", "[[]]");
    MALFORMED.put("eth_sendRawTransaction", "[\"0x1\"]");
    MALFORMED.put("eth_getTransactionByHash", "[\"0x12\"]");
    MALFORMED.put("eth_getTransactionByBlockHashAndIndex", "[\"0x12\",\"0x0\"]");
    MALFORMED.put("eth_getTransactionByBlockNumberAndIndex", "[\"latest\",\"zero\"]");
    MALFORMED.put("eth_getTransactionReceipt", "[12]");
    MALFORMED.put("eth_getBlockReceipts", "[\"newest\"]");
    MALFORMED.put("eth_getBlockByNumber", "[\"latest\",\"yes\"]");
    MALFORMED.put("eth_getBlockByHash", "[\"0x1234\",false]");
    MALFORMED.put("eth_getBlockTransactionCountByHash", "[\"0x00\"]");
    MALFORMED.put("eth_getBlockTransactionCountByNumber", "[\"0xzz\"]");
    MALFORMED.put("eth_getLogs", "[{\"address\":5}]");
    MALFORMED.put("eth_newFilter", "[{\"topics\":\"x\"}]");
    MALFORMED.put("eth_newBlockFilter", "[1]");
    MALFORMED.put("eth_newPendingTransactionFilter", "[\"x\",\"y\"]");
    MALFORMED.put("eth_getFilterChanges", "[5]");
    MALFORMED.put("eth_getFilterLogs", "[true]");
    MALFORMED.put("eth_uninstallFilter", "[{}]");
    MALFORMED.put("eth_feeHistory", "[\"0x2\",\"latest\",[50,10]]");
    MALFORMED.put("eth_gasPrice", "[1]");
    MALFORMED.put("eth_maxPriorityFeePerGas", "[1]");
    MALFORMED.put("eth_syncing", "[1]");
    MALFORMED.put("eth_accounts", "[1]");
    MALFORMED.put("net_version", "[1]");
    MALFORMED.put("net_listening", "[1]");
    MALFORMED.put("net_peerCount", "[1]");
    MALFORMED.put("web3_clientVersion", "[1]");
    MALFORMED.put("web3_sha3", "[\"abc\"]");
    MALFORMED.put("txpool_status", "[1]");
    MALFORMED.put("txpool_content", "[1]");
    MALFORMED.put("debug_traceTransaction", "[\"0x12\"]");
    MALFORMED.put("citrate_getDagInfo", "[1]");
    MALFORMED.put("citrate_getBlockByHash", "[\"0x12\"]");
    MALFORMED.put("citrate_getTips", "[1]");
    MALFORMED.put("citrate_getMergeset", "[7]");
    MALFORMED.put("citrate_getFinality", "[1]");
  }

  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  private final JsonRpcProcessor processor = new JsonRpcProcessor(
      JsonRpcMethods.of(Namespaces.methods(devnet).toList()), 1_000);

  @Test
  void everyMethodToolsUseIsServed() {
    Set<String> served = JsonRpcMethods.of(Namespaces.methods(devnet).toList()).names();
    assertThat(served).containsAll(MALFORMED.keySet());
  }

  @Test
  void everyMethodRefusesMalformedParametersAndChangesNothing() throws Exception {
    devnet.node().produceBlock();
    NodeStatus before = devnet.node().status();
    for (Map.Entry<String, String> method : MALFORMED.entrySet()) {
      JsonNode answer = call(method.getKey(), method.getValue());
      assertThat(answer.path("error").path("code").asInt()).as(method.getKey() + " " + method.getValue() + " -> " + answer)
          .isEqualTo(-32602);
      assertThat(answer.path("error").path("message").asText()).as(method.getKey()).isNotBlank();
    }
    NodeStatus after = devnet.node().status();
    assertThat(after.head()).isEqualTo(before.head());
    assertThat(after.headStateRoot()).isEqualTo(before.headStateRoot());
    assertThat(devnet.pool().status().size()).isZero();
  }

  private JsonNode call(String method, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    return JSON.readTree(processor.process(body.getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }
}
