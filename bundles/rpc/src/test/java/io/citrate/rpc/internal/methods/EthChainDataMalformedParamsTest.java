package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.node.internal.Devnet;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every block, transaction, receipt, log and filter method refuses malformed parameters with -32602 and changes
 * nothing.
 */
class EthChainDataMalformedParamsTest {
  private static final String HASH = "\"0x" + "ab".repeat(32) + "\"";

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("eth_getBlockByNumber", "[\"0x1\"]"),
        Arguments.of("eth_getBlockByNumber", "[\"0x1\", \"yes\"]"),
        Arguments.of("eth_getBlockByNumber", "[\"0xzz\", false]"),
        Arguments.of("eth_getBlockByNumber", "[1, false]"),
        Arguments.of("eth_getBlockByNumber", "[\"0x01\", false]"),
        Arguments.of("eth_getBlockByNumber", "[\"latest\", false, 1]"),
        Arguments.of("eth_getBlockByHash", "[\"0x1234\", false]"),
        Arguments.of("eth_getBlockByHash", "[" + HASH + ", 1]"),
        Arguments.of("eth_getBlockByHash", "[]"),
        Arguments.of("eth_getBlockTransactionCountByNumber", "[]"),
        Arguments.of("eth_getBlockTransactionCountByNumber", "[true]"),
        Arguments.of("eth_getBlockTransactionCountByHash", "[\"0xabc\"]"),
        Arguments.of("eth_getUncleCountByBlockNumber", "[{}]"),
        Arguments.of("eth_getUncleCountByBlockHash", "[123]"),
        Arguments.of("eth_getUncleByBlockNumberAndIndex", "[\"latest\"]"),
        Arguments.of("eth_getUncleByBlockNumberAndIndex", "[\"latest\", \"zero\"]"),
        Arguments.of("eth_getUncleByBlockHashAndIndex", "[" + HASH + ", \"0x\"]"),
        Arguments.of("eth_getUncleByBlockHashAndIndex", "[\"0x00\", \"0x0\"]"),
        Arguments.of("eth_getTransactionByHash", "[\"0x12\"]"),
        Arguments.of("eth_getTransactionByHash", "[]"),
        Arguments.of("eth_getTransactionByBlockHashAndIndex", "[" + HASH + "]"),
        Arguments.of("eth_getTransactionByBlockHashAndIndex", "[" + HASH + ", -1]"),
        Arguments.of("eth_getTransactionByBlockNumberAndIndex", "[\"0x0\", \"0x00\"]"),
        Arguments.of("eth_getTransactionByBlockNumberAndIndex", "[\"0x0\", \"0x10000000000000000\"]"),
        Arguments.of("eth_getTransactionReceipt", "[\"0x" + "ab".repeat(33) + "\"]"),
        Arguments.of("eth_getTransactionReceipt", "[null]"),
        Arguments.of("eth_getBlockReceipts", "[]"),
        Arguments.of("eth_getBlockReceipts", "[\"bogus\"]"),
        Arguments.of("eth_getLogs", "[]"),
        Arguments.of("eth_getLogs", "[\"latest\"]"),
        Arguments.of("eth_getLogs", "[{\"fromBlock\":\"0x2\",\"toBlock\":\"0x1\"}]"),
        Arguments.of("eth_getLogs", "[{\"blockHash\":" + HASH + ",\"fromBlock\":\"0x1\"}]"),
        Arguments.of("eth_getLogs", "[{\"blockHash\":\"0x12\"}]"),
        Arguments.of("eth_getLogs", "[{\"fromBlock\":5}]"),
        Arguments.of("eth_getLogs", "[{\"toBlock\":{\"blockHash\":" + HASH + "}}]"),
        Arguments.of("eth_getLogs", "[{\"address\":\"0x12\"}]"),
        Arguments.of("eth_getLogs", "[{\"topics\":[[1]]}]"),
        Arguments.of("eth_getLogs", "[{\"topics\":[null,null,null,null,null]}]"),
        Arguments.of("eth_newFilter", "[]"),
        Arguments.of("eth_newFilter", "[{\"topics\":\"x\"}]"),
        Arguments.of("eth_newFilter", "[{\"blockHash\":" + HASH + "}]"),
        Arguments.of("eth_newFilter", "[{\"fromBlock\":\"0x2\",\"toBlock\":\"0x1\"}]"),
        Arguments.of("eth_newBlockFilter", "[\"extra\"]"),
        Arguments.of("eth_newPendingTransactionFilter", "[1]"),
        Arguments.of("eth_getFilterChanges", "[]"),
        Arguments.of("eth_getFilterChanges", "[\"0xzz\"]"),
        Arguments.of("eth_getFilterChanges", "[5]"),
        Arguments.of("eth_getFilterLogs", "[\"id\"]"),
        Arguments.of("eth_uninstallFilter", "[true]"),
        Arguments.of("eth_uninstallFilter", "[]"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("malformed")
  void isInvalidParamsAndChangesNothing(String method, String params) throws Exception {
    ChainRpc rpc = new ChainRpc();
    rpc.transfer(Devnet.ALICE, 0);
    rpc.produce();
    rpc.transfer(Devnet.ALICE, 1);
    String filter = "[\"" + rpc.call("eth_newBlockFilter", "[]").asText() + "\"]";
    JsonNode headBefore = rpc.call("eth_getBlockByNumber", "[\"latest\", false]");

    JsonRpcException error = rpc.error(method, params);

    assertThat(error.error()).isEqualTo(JsonRpcError.INVALID_PARAMS);
    assertThat(rpc.call("eth_getBlockByNumber", "[\"latest\", false]")).isEqualTo(headBefore);
    assertThat(rpc.devnet.pool().status().size()).isEqualTo(1);
    assertThat(rpc.filters.size()).isEqualTo(1);
    assertThat(rpc.call("eth_getFilterChanges", filter)).isEmpty();
  }
}
