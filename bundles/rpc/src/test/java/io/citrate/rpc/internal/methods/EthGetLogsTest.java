package io.citrate.rpc.internal.methods;

import static io.citrate.rpc.internal.methods.ChainRpc.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.node.internal.Devnet;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EthGetLogsTest {
  private static final String ALICE_TOPIC = topic(Devnet.ALICE);
  private static final String BOB_TOPIC = topic(Devnet.BOB);

  private static String topic(PrivateKey key) {
    return Bytes.toHex(Bytes.leftPad(key.publicKey().toAddress().toArray(), 32));
  }

  /** Block 1 deploys the emitter; block 2 has Alice's and Bob's logs, block 3 Alice's; block 4 none. */
  private static Address chainWithLogs(ChainRpc rpc) {
    Address emitter = EthObjects.createdContract(rpc.deployEmitter(Devnet.ALICE, 0));
    rpc.produce();
    rpc.emit(Devnet.ALICE, 1, emitter, new byte[] {1});
    rpc.emit(Devnet.BOB, 0, emitter, new byte[] {2});
    rpc.produce();
    rpc.emit(Devnet.ALICE, 2, emitter, new byte[] {3});
    rpc.produce();
    rpc.transfer(Devnet.BOB, 1);
    rpc.produce();
    return emitter;
  }

  @Test
  void logsOfARangeByAddressAndTopics() throws Exception {
    ChainRpc rpc = new ChainRpc();
    Address emitter = chainWithLogs(rpc);

    JsonNode all = rpc.call("eth_getLogs", "[{\"fromBlock\":\"earliest\"}]");
    assertThat(all).extracting(log -> log.get("data").asText()).containsExactly("0x01", "0x02", "0x03");
    assertThat(all).extracting(log -> log.get("blockNumber").asText()).containsExactly("0x2", "0x2", "0x3");
    assertThat(all).extracting(log -> log.get("logIndex").asText()).containsExactly("0x0", "0x1", "0x0");
    assertThat(all).allSatisfy(log -> assertThat(log.get("address").asText()).isEqualTo(emitter.toHex()));

    assertThat(rpc.call("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"topics\":[null," + quoted(ALICE_TOPIC) + "]}]"))
        .extracting(log -> log.get("data").asText()).containsExactly("0x01", "0x03");
    assertThat(rpc.call("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"topics\":[" + quoted(ChainRpc.EVENT) + ",["
        + quoted(BOB_TOPIC) + "," + quoted(ALICE_TOPIC) + "]]}]")).hasSize(3);
    assertThat(rpc.call("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"address\":[" + quoted(emitter) + "]}]")).hasSize(3);
    assertThat(rpc.call("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"address\":" + quoted(Devnet.CAROL) + "}]")).isEmpty();
    assertThat(rpc.call("eth_getLogs", "[{\"fromBlock\":\"0x3\",\"toBlock\":\"0x3\"}]"))
        .extracting(log -> log.get("data").asText()).containsExactly("0x03");
    // The default range is the latest block, which has no logs.
    assertThat(rpc.call("eth_getLogs", "[{}]")).isEmpty();
  }

  @Test
  void logsOfOneBlockByHash() throws Exception {
    ChainRpc rpc = new ChainRpc();
    chainWithLogs(rpc);
    String second = rpc.call("eth_getBlockByNumber", "[\"0x2\", false]").get("hash").asText();

    JsonNode logs = rpc.call("eth_getLogs", "[{\"blockHash\":" + quoted(second) + "}]");
    assertThat(logs).extracting(log -> log.get("data").asText()).containsExactly("0x01", "0x02");
    assertThat(logs).allSatisfy(log -> assertThat(log.get("blockHash").asText()).isEqualTo(second));
    JsonRpcException unknown = rpc.error("eth_getLogs", "[{\"blockHash\":" + quoted(Hash.EMPTY) + "}]");
    assertThat(unknown.error()).isEqualTo(JsonRpcError.INVALID_INPUT);
  }

  @Test
  void rangesPastTheHeadEndAtTheHead() throws Exception {
    ChainRpc rpc = new ChainRpc();
    chainWithLogs(rpc);
    assertThat(rpc.call("eth_getLogs", "[{\"fromBlock\":\"0x3\",\"toBlock\":\"0x100\"}]")).hasSize(1);
    assertThat(rpc.call("eth_getLogs", "[{\"fromBlock\":\"0x50\",\"toBlock\":\"0x100\"}]")).isEmpty();
  }

  @Test
  void aReversedRangeIsInvalid() {
    ChainRpc rpc = new ChainRpc();
    JsonRpcException error = rpc.error("eth_getLogs", "[{\"fromBlock\":\"0x2\",\"toBlock\":\"0x1\"}]");
    assertThat(error.error()).isEqualTo(JsonRpcError.INVALID_PARAMS);
    assertThat(error.getMessage()).isEqualTo("invalid block range");
  }

  @Test
  void aRangeOverTheLimitAsksForANarrowerOne() throws Exception {
    ChainRpc rpc = new ChainRpc(Map.of("logs_max_block_range", 2));
    chainWithLogs(rpc);
    JsonRpcException error = rpc.error("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x3\"}]");
    assertThat(error.error()).isEqualTo(JsonRpcError.LIMIT_EXCEEDED);
    assertThat(error.getMessage()).contains("logs.max.block.range").contains("narrower");
    assertThat(rpc.call("eth_getLogs", "[{\"fromBlock\":\"0x2\",\"toBlock\":\"0x3\"}]")).hasSize(3);
  }

  @Test
  void tooManyResultsAskForANarrowerRange() throws Exception {
    ChainRpc rpc = new ChainRpc(Map.of("logs_max_results", 2));
    chainWithLogs(rpc);
    JsonRpcException error = rpc.error("eth_getLogs", "[{\"fromBlock\":\"0x0\"}]");
    assertThat(error.error()).isEqualTo(JsonRpcError.LIMIT_EXCEEDED);
    assertThat(error.getMessage()).contains("logs.max.results").contains("narrower");
    assertThat(rpc.call("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"0x2\"}]")).hasSize(2);
  }
}
