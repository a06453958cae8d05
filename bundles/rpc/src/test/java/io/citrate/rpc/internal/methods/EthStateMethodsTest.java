package io.citrate.rpc.internal.methods;

import static io.citrate.rpc.internal.methods.RpcFixture.ALICE;
import static io.citrate.rpc.internal.methods.RpcFixture.word;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.node.internal.Devnet;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EthStateMethodsTest {
  private final RpcFixture rpc = new RpcFixture();

  private static String params(Object... values) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
    }
    return json.append(']').toString();
  }

  @Test
  void balancesFollowTheChainBlockAsked() throws Exception {
    BigInteger genesisBalance = new BigInteger(rpc.result("eth_getBalance", params(ALICE, "latest")).substring(2), 16);
    assertThat(genesisBalance.signum()).isPositive();
    rpc.devnet.node().submitTransaction(
        rpc.devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ofGwei(5), 2).encoded());
    rpc.devnet.node().produceBlock();

    assertThat(rpc.result("eth_getBalance", params(Devnet.CAROL, "latest"))).isEqualTo("0x12a05f200");
    assertThat(rpc.result("eth_getBalance", params(Devnet.CAROL))).isEqualTo("0x12a05f200");
    assertThat(rpc.result("eth_getBalance", params(Devnet.CAROL, "0x0"))).isEqualTo("0x0");
    assertThat(rpc.result("eth_getBalance", params(Devnet.CAROL, "earliest"))).isEqualTo("0x0");
    assertThat(rpc.result("eth_getBalance", params(ALICE, "0x0")))
        .isEqualTo("0x" + genesisBalance.toString(16));
    String hash = rpc.devnet.node().status().head().toString();
    assertThat(rpc.result("eth_getBalance", "[\"" + Devnet.CAROL + "\",{\"blockHash\":\"" + hash + "\"}]"))
        .isEqualTo("0x12a05f200");
  }

  @Test
  void codeAndStorageOfADeployedContract() throws Exception {
    Address contract = rpc.deploy();
    assertThat(rpc.result("eth_getCode", params(contract, "latest"))).isEqualTo(RpcFixture.RUNTIME);
    assertThat(rpc.result("eth_getCode", params(contract, "0x0"))).isEqualTo("0x");
    assertThat(rpc.result("eth_getCode", params(ALICE, "latest"))).isEqualTo("0x");

    assertThat(rpc.result("eth_getStorageAt", params(contract, "0x0", "latest"))).isEqualTo(word(42));
    assertThat(rpc.result("eth_getStorageAt", params(contract, word(0), "latest"))).isEqualTo(word(42));
    assertThat(rpc.result("eth_getStorageAt", params(contract, "0x00", "latest"))).isEqualTo(word(42));
    assertThat(rpc.result("eth_getStorageAt", params(contract, "0x1", "latest"))).isEqualTo(word(0));
    assertThat(rpc.result("eth_getStorageAt", params(contract, "0x0", "0x0"))).isEqualTo(word(0));
  }

  @Test
  void pendingCountsWhatThePoolHolds() throws Exception {
    rpc.deploy();
    assertThat(rpc.result("eth_getTransactionCount", params(ALICE, "latest"))).isEqualTo("0x1");
    assertThat(rpc.result("eth_getTransactionCount", params(ALICE, "earliest"))).isEqualTo("0x0");
    rpc.devnet.node().submitTransaction(rpc.devnet.transfer(Devnet.ALICE, 1, Devnet.CAROL, Wei.ONE, 2).encoded());
    rpc.devnet.node().submitTransaction(rpc.devnet.transfer(Devnet.ALICE, 2, Devnet.CAROL, Wei.ONE, 2).encoded());

    assertThat(rpc.result("eth_getTransactionCount", params(ALICE, "pending"))).isEqualTo("0x3");
    assertThat(rpc.result("eth_getTransactionCount", params(ALICE, "latest"))).isEqualTo("0x1");
    assertThat(rpc.result("eth_getTransactionCount", params(Devnet.CAROL, "pending"))).isEqualTo("0x0");
  }

  @Test
  void anUnknownBlockIsHeaderNotFound() throws Exception {
    for (String method : new String[] {"eth_getBalance", "eth_getCode", "eth_getTransactionCount"}) {
      JsonNode error = rpc.error(method, params(ALICE, "0x99"));
      assertThat(error.get("code").asInt()).isEqualTo(-32000);
      assertThat(error.get("message").asText()).isEqualTo("header not found");
    }
    assertThat(rpc.error("eth_getStorageAt", params(ALICE, "0x0", "0x99")).get("message").asText())
        .isEqualTo("header not found");
    assertThat(rpc.error("eth_getBalance", "[\"" + ALICE + "\",{\"blockHash\":\"" + word(7) + "\"}]")
        .get("message").asText()).isEqualTo("header not found");
  }

  @Test
  void malformedParametersAreInvalidParamsAndChangeNothing() throws Exception {
    long pool = rpc.devnet.pool().status().size();
    long head = rpc.devnet.node().status().headNumber();
    String[][] malformed = {
        {"eth_getBalance", "[]"},
        {"eth_getBalance", "[\"0x1234\",\"latest\"]"},
        {"eth_getBalance", "[\"" + ALICE + "\",\"newest\"]"},
        {"eth_getBalance", "[\"" + ALICE + "\",\"latest\",1]"},
        {"eth_getBalance", "[42,\"latest\"]"},
        {"eth_getCode", "[\"" + ALICE + "zz\",\"latest\"]"},
        {"eth_getCode", "[\"" + ALICE + "\",\"0x01\"]"},
        {"eth_getStorageAt", "[\"" + ALICE + "\"]"},
        {"eth_getStorageAt", "[\"" + ALICE + "\",\"0xzz\",\"latest\"]"},
        {"eth_getStorageAt", "[\"" + ALICE + "\",\"0x" + "0".repeat(65) + "\",\"latest\"]"},
        {"eth_getStorageAt", "[\"" + ALICE + "\",7,\"latest\"]"},
        {"eth_getTransactionCount", "[\"" + ALICE + "\",{\"blockNumber\":\"0x0\",\"blockHash\":\"" + word(1) + "\"}]"},
        {"eth_getTransactionCount", "[null,\"pending\"]"},
    };
    for (String[] request : malformed) {
      assertThat(rpc.error(request[0], request[1]).get("code").asInt()).as("%s %s", request[0], request[1])
          .isEqualTo(-32602);
    }
    assertThat(rpc.devnet.pool().status().size()).isEqualTo(pool);
    assertThat(rpc.devnet.node().status().headNumber()).isEqualTo(head);
  }
}
