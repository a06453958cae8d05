package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.FeeParameters;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.txpool.api.PoolStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code eth_gasPrice}, {@code eth_maxPriorityFeePerGas} and {@code eth_feeHistory} over a devnet. */
class EthFeeMethodsTest {
  private static final String ONE_GWEI = "0x3b9aca00";

  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  private final DevnetCalls rpc = new DevnetCalls(devnet);

  /** A block accepting transfers tipping 5, 2 and 3 gwei, then an empty one: the head is block 2. */
  private void twoBlocks() {
    List<Transaction> transfers = List.of(devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 5),
        devnet.transfer(Devnet.BOB, 0, Devnet.CAROL, Wei.ONE, 2),
        devnet.transfer(Devnet.VALIDATOR, 0, Devnet.CAROL, Wei.ONE, 3));
    for (Transaction transfer : transfers) {
      assertThat(devnet.node().submitTransaction(transfer.encoded()).isAccepted()).isTrue();
    }
    devnet.node().produceBlock();
    devnet.node().produceBlock();
    assertThat(devnet.node().chainBlock(1).orElseThrow().transactions()).hasSize(3);
  }

  private static String gwei(long gwei) {
    return Wei.ofGwei(gwei).toHexString();
  }

  @Test
  void anIdleChainSuggestsTheOneGweiFloorOnTopOfTheNextBaseFee() {
    assertThat(rpc.result("eth_maxPriorityFeePerGas", "[]").asText()).isEqualTo(ONE_GWEI);
    Wei nextBaseFee = devnet.node().status().nextBaseFee();
    assertThat(rpc.result("eth_gasPrice", "[]").asText()).isEqualTo(nextBaseFee.add(Wei.ofGwei(1)).toHexString());
  }

  @Test
  void theSuggestedTipIsTheSixtiethPercentileOfRecentEffectiveTips() {
    twoBlocks();
    // Tips 2, 3 and 5 gwei: the 60th percentile of three is the second.
    assertThat(rpc.result("eth_maxPriorityFeePerGas", "[]").asText()).isEqualTo(gwei(3));
    Wei nextBaseFee = devnet.node().status().nextBaseFee();
    assertThat(rpc.result("eth_gasPrice", "[]").asText()).isEqualTo(nextBaseFee.add(Wei.ofGwei(3)).toHexString());
  }

  @Test
  void tipsBelowTheFloorSuggestTheFloorAndANewHeadIsSeen() {
    assertThat(rpc.result("eth_maxPriorityFeePerGas", "[]").asText()).isEqualTo(ONE_GWEI);
    devnet.node().submitTransaction(devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 0).encoded());
    devnet.node().produceBlock();
    assertThat(rpc.result("eth_maxPriorityFeePerGas", "[]").asText()).isEqualTo(ONE_GWEI);
    devnet.node().submitTransaction(devnet.transfer(Devnet.ALICE, 1, Devnet.CAROL, Wei.ONE, 7).encoded());
    devnet.node().submitTransaction(devnet.transfer(Devnet.BOB, 0, Devnet.CAROL, Wei.ONE, 7).encoded());
    devnet.node().produceBlock();
    assertThat(rpc.result("eth_maxPriorityFeePerGas", "[]").asText()).isEqualTo(gwei(7));
  }

  @Test
  void feeHistoryGivesBaseFeesRatiosAndGasWeightedRewardsPerBlock() {
    twoBlocks();
    JsonNode history = rpc.result("eth_feeHistory", "[\"0x2\",\"latest\",[0,50,100]]");

    BlockHeader first = chainHeader(1);
    BlockHeader second = chainHeader(2);
    assertThat(history.get("oldestBlock").asText()).isEqualTo("0x1");
    assertThat(texts(history.get("baseFeePerGas"))).containsExactly(first.baseFeePerGas().toHexString(),
        second.baseFeePerGas().toHexString(), devnet.node().status().nextBaseFee().toHexString());
    assertThat(history.get("gasUsedRatio").get(0).asDouble()).isEqualTo(63_000.0 / 30_000_000);
    assertThat(history.get("gasUsedRatio").get(1).asDouble()).isZero();
    // Three transfers of 21,000 gas tipping 2, 3 and 5 gwei: 0% is the cheapest, 50% of the gas is reached by the
    // second, 100% by the third.
    assertThat(texts(history.get("reward").get(0))).containsExactly(gwei(2), gwei(3), gwei(5));
    assertThat(texts(history.get("reward").get(1))).containsExactly("0x0", "0x0", "0x0");
    assertThat(texts(history.get("baseFeePerBlobGas"))).containsExactly("0x0", "0x0", "0x0");
    assertThat(history.get("blobGasUsedRatio")).hasSize(2);
  }

  @Test
  void theLastBaseFeeIsTheOneTheNewestBlockSets() {
    twoBlocks();
    JsonNode history = rpc.result("eth_feeHistory", "[1,\"0x1\"]");
    BlockHeader first = chainHeader(1);
    BlockHeader second = chainHeader(2);
    FeeParameters fees = devnet.node().chainSpec().fees();
    assertThat(history.get("oldestBlock").asText()).isEqualTo("0x1");
    assertThat(texts(history.get("baseFeePerGas"))).containsExactly(first.baseFeePerGas().toHexString(),
        second.baseFeePerGas().toHexString());
    assertThat(fees.nextBaseFee(first.baseFeePerGas(), first.gasUsed(), first.gasLimit()))
        .isEqualTo(second.baseFeePerGas());
    assertThat(history.has("reward")).isFalse();
  }

  @Test
  void aCountBeyondGenesisStopsThereAndZeroBlocksIsAnEmptyHistory() {
    twoBlocks();
    JsonNode all = rpc.result("eth_feeHistory", "[\"0x400\",\"latest\",[]]");
    assertThat(all.get("oldestBlock").asText()).isEqualTo("0x0");
    assertThat(all.get("gasUsedRatio")).hasSize(3);
    assertThat(all.get("baseFeePerGas")).hasSize(4);
    assertThat(all.has("reward")).isFalse();
    assertThat(rpc.result("eth_feeHistory", "[\"0x1000000\",\"earliest\"]").get("gasUsedRatio")).hasSize(1);
    JsonNode none = rpc.result("eth_feeHistory", "[\"0x0\",\"latest\"]");
    assertThat(none.get("oldestBlock").asText()).isEqualTo("0x0");
    assertThat(none.get("baseFeePerGas")).isEmpty();
  }

  @Test
  void aCountAboveTheCapGivesTheLastBlocksUpToTheCap() throws Exception {
    twoBlocks();
    devnet.node().produceBlock();
    EthFeeHistory capped = new EthFeeHistory(new ChainView(devnet.node(), devnet.consensus()), 2);
    JsonNode params = new ObjectMapper().readTree("[\"0x400\",\"latest\",[50]]");
    JsonNode history = (JsonNode) capped.response(new JsonRpcRequest("eth_feeHistory", params));
    assertThat(history.get("oldestBlock").asText()).isEqualTo("0x2");
    assertThat(history.get("gasUsedRatio")).hasSize(2);
    assertThat(history.get("reward")).hasSize(2);
    assertThat(history.get("baseFeePerGas")).hasSize(3);
    assertThat(EthFeeHistory.MAX_BLOCKS).isEqualTo(1024);
  }

  @Test
  void aNewestBlockBeyondTheHeadIsRefused() {
    twoBlocks();
    assertThat(rpc.errorCode("eth_feeHistory", "[\"0x1\",\"0x3\"]")).isEqualTo(-32000);
    assertThat(rpc.call("eth_feeHistory", "[\"0x1\",\"0x3\"]").get("error").get("message").asText())
        .startsWith("request beyond head block");
  }

  @Test
  void malformedArgumentsAreInvalidParamsAndChangeNothing() {
    twoBlocks();
    long head = devnet.node().status().headNumber();
    PoolStatus pool = devnet.pool().status();
    List<String> malformed = new ArrayList<>(List.of("[]", "[\"0x1\"]", "[\"0xzz\",\"latest\"]",
        "[\"12\",\"latest\"]", "[-1,\"latest\"]", "[1.5,\"latest\"]", "[true,\"latest\"]", "[\"0x01\",\"latest\"]",
        "[\"0x1\",\"newest\"]", "[\"0x1\",7]", "[\"0x1\",\"latest\",[50,10]]", "[\"0x1\",\"latest\",[10,10]]",
        "[\"0x1\",\"latest\",[101]]", "[\"0x1\",\"latest\",[-1]]", "[\"0x1\",\"latest\",[\"50\"]]",
        "[\"0x1\",\"latest\",50]", "[\"0x1\",\"latest\",[],4]"));
    for (String params : malformed) {
      assertThat(rpc.errorCode("eth_feeHistory", params)).as(params).isEqualTo(-32602);
    }
    for (String method : List.of("eth_gasPrice", "eth_maxPriorityFeePerGas")) {
      assertThat(rpc.errorCode(method, "[\"latest\"]")).as(method).isEqualTo(-32602);
    }
    assertThat(devnet.node().status().headNumber()).isEqualTo(head);
    assertThat(devnet.pool().status()).isEqualTo(pool);
    assertThat(rpc.result("eth_feeHistory", "[\"0x1\",\"latest\"]").get("oldestBlock").asText())
        .isEqualTo("0x2");
  }

  private BlockHeader chainHeader(long number) {
    return devnet.consensus().header(devnet.consensus().selectedChainBlockAt(number).orElseThrow()).orElseThrow();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
