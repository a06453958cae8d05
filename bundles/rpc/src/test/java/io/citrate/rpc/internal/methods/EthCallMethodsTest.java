package io.citrate.rpc.internal.methods;

import static io.citrate.rpc.internal.methods.RpcFixture.ALICE;
import static io.citrate.rpc.internal.methods.RpcFixture.word;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.internal.Devnet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EthCallMethodsTest {
  /** An account that holds nothing: calls without a price work from it. */
  private static final String NOBODY = "0x00000000000000000000000000000000000b0b00";
  private static final String FRESH = "0x0000000000000000000000000000000000000f0f";
  private static final String REVERT_DATA = "0x08c379a0" + word(0x20).substring(2) + word(4).substring(2)
      + "7a65726f" + "00".repeat(28);

  private final RpcFixture rpc = new RpcFixture();
  private Address contract;

  @BeforeEach
  void deploy() {
    contract = rpc.deploy();
  }

  private String callObject(String from, String data) {
    return "{\"from\":\"" + from + "\",\"to\":\"" + contract + "\",\"input\":\"" + data + "\"}";
  }

  @Test
  void aCallReadsTheHeadStateAndWritesNothing() throws Exception {
    assertThat(rpc.result("eth_call", "[" + callObject(NOBODY, "0x") + ",\"latest\"]")).isEqualTo(word(42));
    assertThat(rpc.result("eth_call", "[" + callObject(NOBODY, "0x") + "]")).isEqualTo(word(42));
    assertThat(rpc.result("eth_call", "[{\"to\":\"" + contract + "\"},\"pending\"]")).isEqualTo(word(42));
    assertThat(rpc.result("eth_call", "[{\"to\":\"" + contract + "\",\"data\":\"0x\",\"input\":\"0x\"}]"))
        .isEqualTo(word(42));
    // Before the deployment there is no code there: the call succeeds with nothing.
    assertThat(rpc.result("eth_call", "[" + callObject(NOBODY, "0x") + ",\"0x0\"]")).isEqualTo("0x");

    assertThat(rpc.result("eth_call", "[" + callObject(NOBODY, word(7)) + ",\"latest\"]")).isEqualTo("0x");
    assertThat(rpc.result("eth_getStorageAt", "[\"" + contract + "\",\"0x0\",\"latest\"]")).isEqualTo(word(42));
    assertThat(rpc.result("eth_getBalance", "[\"" + NOBODY + "\",\"latest\"]")).isEqualTo("0x0");
  }

  @Test
  void aRevertIsErrorThreeWithTheDecodedReasonAndTheData() throws Exception {
    JsonNode error = rpc.error("eth_call", "[" + callObject(ALICE.toString(), word(0)) + ",\"latest\"]");
    assertThat(error.get("code").asInt()).isEqualTo(3);
    assertThat(error.get("message").asText()).isEqualTo("execution reverted: zero");
    assertThat(error.get("data").asText()).isEqualTo(REVERT_DATA);

    // A revert without an Error(string) payload says only that it reverted.
    String override = "{\"" + FRESH + "\":{\"code\":\"0x60006000fd\"}}";
    JsonNode bare = rpc.error("eth_call", "[{\"to\":\"" + FRESH + "\"},\"latest\"," + override + "]");
    assertThat(bare.get("code").asInt()).isEqualTo(3);
    assertThat(bare.get("message").asText()).isEqualTo("execution reverted");
    assertThat(bare.get("data").asText()).isEqualTo("0x");
  }

  @Test
  void otherFailuresAreMinus32000WithTheReason() throws Exception {
    String invalid = "{\"" + FRESH + "\":{\"code\":\"0xfe\"}}";
    JsonNode halted = rpc.error("eth_call", "[{\"to\":\"" + FRESH + "\"},\"latest\"," + invalid + "]");
    assertThat(halted.get("code").asInt()).isEqualTo(-32000);
    assertThat(halted.get("message").asText()).isEqualTo("invalid opcode");

    JsonNode poor = rpc.error("eth_call",
        "[{\"from\":\"" + NOBODY + "\",\"to\":\"" + FRESH + "\",\"value\":\"0x1\"},\"latest\"]");
    assertThat(poor.get("code").asInt()).isEqualTo(-32000);
    assertThat(poor.get("message").asText()).startsWith("insufficient funds for gas * price + value");

    JsonNode unknown = rpc.error("eth_call", "[" + callObject(NOBODY, "0x") + ",\"0x99\"]");
    assertThat(unknown.get("code").asInt()).isEqualTo(-32000);
    assertThat(unknown.get("message").asText()).isEqualTo("header not found");
  }

  @Test
  void stateOverridesChangeBalanceCodeAndStorageForTheCallOnly() throws Exception {
    String diff = "{\"" + contract + "\":{\"stateDiff\":{\"" + word(0) + "\":\"" + word(99) + "\"}}}";
    assertThat(rpc.result("eth_call", "[" + callObject(NOBODY, "0x") + ",\"latest\"," + diff + "]"))
        .isEqualTo(word(99));
    String replaced = "{\"" + contract + "\":{\"state\":{\"" + word(1) + "\":\"" + word(5) + "\"}}}";
    assertThat(rpc.result("eth_call", "[" + callObject(NOBODY, "0x") + ",\"latest\"," + replaced + "]"))
        .isEqualTo(word(0));
    String code = "{\"" + FRESH + "\":{\"code\":\"" + RpcFixture.RUNTIME + "\",\"stateDiff\":{\"" + word(0)
        + "\":\"" + word(3) + "\"}}}";
    assertThat(rpc.result("eth_call", "[{\"to\":\"" + FRESH + "\"},\"latest\"," + code + "]")).isEqualTo(word(3));
    String funds = "{\"" + NOBODY + "\":{\"balance\":\"0xde0b6b3a7640000\",\"nonce\":\"0x5\"}}";
    assertThat(rpc.result("eth_call",
        "[{\"from\":\"" + NOBODY + "\",\"to\":\"" + FRESH + "\",\"value\":\"0x1\"},\"latest\"," + funds + "]"))
        .isEqualTo("0x");

    assertThat(rpc.result("eth_getStorageAt", "[\"" + contract + "\",\"0x0\",\"latest\"]")).isEqualTo(word(42));
    assertThat(rpc.result("eth_getCode", "[\"" + FRESH + "\",\"latest\"]")).isEqualTo("0x");
    assertThat(rpc.result("eth_getBalance", "[\"" + NOBODY + "\",\"latest\"]")).isEqualTo("0x0");
  }

  @Test
  void theEstimateSufficesAndOneGasLessDoesNot() throws Exception {
    String estimate = rpc.result("eth_estimateGas", "[" + callObject(ALICE.toString(), word(7)) + "]");
    long gas = Long.parseLong(estimate.substring(2), 16);
    assertThat(gas).isGreaterThan(21_000 + 5_000);

    AcceptedTransaction tooLittle = rpc.send(Devnet.ALICE, contract, gas - 1, Bytes.fromHex(word(8)));
    assertThat(tooLittle.receipt().success()).isFalse();
    AcceptedTransaction enough = rpc.send(Devnet.ALICE, contract, gas, Bytes.fromHex(word(7)));
    assertThat(enough.receipt().success()).isTrue();
    assertThat(rpc.result("eth_getStorageAt", "[\"" + contract + "\",\"0x0\",\"latest\"]")).isEqualTo(word(7));
  }

  @Test
  void theEstimateCoversTheGasAnInnerCallKeepsBack() throws Exception {
    Address proxy = rpc.deploy(RpcFixture.proxyInitcode(contract));
    assertThat(rpc.result("eth_call", "[{\"to\":\"" + proxy + "\",\"data\":\"" + word(5) + "\"}]"))
        .isEqualTo("0x");
    String estimate = rpc.result("eth_estimateGas",
        "[{\"from\":\"" + ALICE + "\",\"to\":\"" + proxy + "\",\"data\":\"" + word(5) + "\"},\"latest\"]");
    long gas = Long.parseLong(estimate.substring(2), 16);

    assertThat(rpc.send(Devnet.ALICE, proxy, gas - 1, Bytes.fromHex(word(6))).receipt().success()).isFalse();
    assertThat(rpc.send(Devnet.ALICE, proxy, gas, Bytes.fromHex(word(5))).receipt().success()).isTrue();
    assertThat(rpc.result("eth_getStorageAt", "[\"" + contract + "\",\"0x0\",\"latest\"]")).isEqualTo(word(5));
  }

  @Test
  void aPlainTransferIsEstimatedAtItsBaseCost() throws Exception {
    assertThat(rpc.result("eth_estimateGas", "[{\"from\":\"" + ALICE + "\",\"to\":\"" + Devnet.CAROL
        + "\",\"value\":\"0x1\"}]")).isEqualTo("0x5208");
    assertThat(rpc.result("eth_estimateGas", "[{\"from\":\"" + ALICE + "\",\"to\":\"" + Devnet.CAROL
        + "\",\"value\":\"0x1\",\"maxFeePerGas\":\"0x2e90edd000\"},\"latest\"]")).isEqualTo("0x5208");
  }

  @Test
  void anEstimateThatCannotSucceedSaysWhy() throws Exception {
    JsonNode reverted = rpc.error("eth_estimateGas", "[" + callObject(ALICE.toString(), word(0)) + "]");
    assertThat(reverted.get("code").asInt()).isEqualTo(3);
    assertThat(reverted.get("message").asText()).isEqualTo("execution reverted: zero");
    assertThat(reverted.get("data").asText()).isEqualTo(REVERT_DATA);

    String loop = "{\"" + FRESH + "\":{\"code\":\"0x5b600056\"}}";
    JsonNode endless = rpc.error("eth_estimateGas", "[{\"to\":\"" + FRESH + "\"},\"latest\"," + loop + "]");
    assertThat(endless.get("code").asInt()).isEqualTo(-32000);
    long limit = Math.min(rpc.devnet.node().chainSpec().gasLimit(), Namespaces.CALL_GAS_CAP);
    assertThat(endless.get("message").asText()).isEqualTo("gas required exceeds allowance (" + limit + ")");
  }

  @Test
  void anAccessListNamesTheSlotsAndAccountsTouched() throws Exception {
    JsonNode list = rpc.call("eth_createAccessList", "[" + callObject(ALICE.toString(), "0x") + ",\"latest\"]")
        .get("result");
    assertThat(list.get("accessList")).hasSize(1);
    assertThat(list.get("accessList").get(0).get("address").asText()).isEqualTo(contract.toString());
    assertThat(list.get("accessList").get(0).get("storageKeys").get(0).asText()).isEqualTo(word(0));
    assertThat(list.get("error")).isNull();
    long gasUsed = Long.parseLong(list.get("gasUsed").asText().substring(2), 16);
    // 2400 for the entry and 1900 for the slot, which then reads warm: 2000 less.
    String plain = rpc.result("eth_estimateGas", "[" + callObject(ALICE.toString(), "0x") + "]");
    assertThat(gasUsed).isGreaterThan(21_000).isLessThanOrEqualTo(Long.parseLong(plain.substring(2), 16) + 2_300);

    // A list given with the call is kept and extended.
    JsonNode extended = rpc.call("eth_createAccessList", "[{\"to\":\"" + contract + "\",\"accessList\":[{"
        + "\"address\":\"" + Devnet.CAROL + "\",\"storageKeys\":[]}]}]").get("result");
    assertThat(extended.get("accessList")).hasSize(2);
    assertThat(extended.get("accessList").get(0).get("address").asText()).isEqualTo(Devnet.CAROL.toString());
    assertThat(extended.get("accessList").get(1).get("address").asText()).isEqualTo(contract.toString());

    // The sender and the recipient are warm anyway: a plain transfer needs no list.
    JsonNode transfer = rpc.call("eth_createAccessList", "[{\"from\":\"" + ALICE + "\",\"to\":\"" + Devnet.CAROL
        + "\",\"value\":\"0x1\"},\"latest\"]").get("result");
    assertThat(transfer.get("accessList")).isEmpty();
    assertThat(transfer.get("gasUsed").asText()).isEqualTo("0x5208");
    JsonNode reverted = rpc.call("eth_createAccessList", "[" + callObject(ALICE.toString(), word(0)) + "]")
        .get("result");
    assertThat(reverted.get("error").asText()).isEqualTo("execution reverted");
    // Its revert path reads no storage.
    assertThat(reverted.get("accessList")).isEmpty();
  }

  @Test
  void malformedParametersAreInvalidParamsAndChangeNothing() throws Exception {
    long head = rpc.devnet.node().status().headNumber();
    String good = callObject(NOBODY, "0x");
    String[] methods = {"eth_call", "eth_estimateGas", "eth_createAccessList"};
    String[] malformed = {
        "[]",
        "[\"0x12\"]",
        "[{\"to\":\"0x1234\"}]",
        "[{\"to\":\"" + contract + "\",\"gas\":\"0x01\"}]",
        "[{\"to\":\"" + contract + "\",\"value\":\"-1\"}]",
        "[{\"to\":\"" + contract + "\",\"input\":\"0xabc\"}]",
        "[{\"to\":\"" + contract + "\",\"input\":\"0x01\",\"data\":\"0x02\"}]",
        "[{\"to\":\"" + contract + "\",\"accessList\":[{\"address\":\"" + contract + "\",\"storageKeys\":[\"0x1\"]}]}]",
        "[{\"to\":\"" + contract + "\",\"nonce\":\"zero\"}]",
        "[" + good + ",\"latest\",{},1]",
        "[" + good + ",\"tomorrow\"]",
    };
    for (String method : methods) {
      for (String params : malformed) {
        assertThat(rpc.error(method, params).get("code").asInt()).as("%s %s", method, params).isEqualTo(-32602);
      }
    }
    String[] badOverrides = {
        "[]",
        "{\"0x12\":{}}",
        "{\"" + FRESH + "\":{\"balance\":\"0x01\"}}",
        "{\"" + FRESH + "\":{\"code\":\"0xzz\"}}",
        "{\"" + FRESH + "\":{\"state\":{},\"stateDiff\":{}}}",
        "{\"" + FRESH + "\":{\"stateDiff\":{\"0x1\":\"" + word(1) + "\"}}}",
        "{\"" + FRESH + "\":{\"storage\":{}}}",
    };
    for (String overrides : badOverrides) {
      for (String method : new String[] {"eth_call", "eth_estimateGas"}) {
        assertThat(rpc.error(method, "[" + good + ",\"latest\"," + overrides + "]").get("code").asInt())
            .as("%s %s", method, overrides).isEqualTo(-32602);
      }
    }
    assertThat(rpc.error("eth_createAccessList", "[" + good + ",\"latest\",{}]").get("code").asInt())
        .isEqualTo(-32602);
    assertThat(rpc.devnet.node().status().headNumber()).isEqualTo(head);
    assertThat(rpc.result("eth_getStorageAt", "[\"" + contract + "\",\"0x0\",\"latest\"]")).isEqualTo(word(42));
  }
}
