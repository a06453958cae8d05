package io.citrate.rpc.internal.methods;

import static io.citrate.rpc.internal.methods.DevnetCalls.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.consensus.api.BlockOutcome;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.store.api.MemoryKeyValueStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code citrate} namespace over a devnet, with parallel blocks that a later block merges. */
class CitrateNamespaceTest {
  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  private final DevnetCalls rpc = new DevnetCalls(devnet);
  private final Hash genesis = devnet.consensus().genesis().header().hash();

  /** Two blocks on genesis, built before either is imported, then the block that merges them. */
  private record Fork(BlockImport.Arrival left, BlockImport.Arrival right, Hash merging) {}

  private Fork fork() {
    Transaction alice = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 2);
    devnet.node().admit(alice.encoded());
    BlockImport.Arrival left = devnet.producer().build().orElseThrow();
    Transaction bob = devnet.transfer(Devnet.BOB, 0, Devnet.CAROL, Wei.ONE, 3);
    devnet.node().admit(bob.encoded());
    // Alice's transfer is still in the pool, so the parallel block carries it again, beside Bob's.
    BlockImport.Arrival right = devnet.producer().build().orElseThrow();
    assertThat(right.header().parents()).containsExactly(genesis);
    for (BlockImport.Arrival arrival : List.of(left, right)) {
      List<BlockOutcome> outcomes = devnet.importer().importBlock(arrival);
      devnet.node().committed(outcomes);
      assertThat(outcomes).singleElement().isInstanceOf(BlockOutcome.Accepted.class);
    }
    return new Fork(left, right, devnet.node().produceBlock());
  }

  @Test
  void dagInfoDescribesTheNetworkSinkTipsAndFinality() {
    Hash head = devnet.node().produceBlock();
    JsonNode info = rpc.result("citrate_getDagInfo", "[]");
    assertThat(info.get("network").asText()).isEqualTo("citrate-devnet");
    assertThat(info.get("chainId").asText()).isEqualTo("0x539");
    assertThat(info.get("genesis").asText()).isEqualTo(genesis.toHex());
    assertThat(info.get("sink").asText()).isEqualTo(head.toHex());
    assertThat(info.get("sinkNumber").asText()).isEqualTo("0x1");
    assertThat(info.get("sinkBlueScore").asText()).isEqualTo("0x1");
    assertThat(info.get("sinkBlueWork").asText())
        .isEqualTo(Quantities.quantity(devnet.consensus().header(head).orElseThrow().blueWork()));
    assertThat(info.get("tipCount").asText()).isEqualTo("0x1");
    assertThat(texts(info.get("tips"))).containsExactly(head.toHex());
    assertThat(info.get("finalityPoint").asText()).isEqualTo(genesis.toHex());
    assertThat(info.get("finalityPointNumber").asText()).isEqualTo("0x0");
    assertThat(info.get("ghostdagK").asText()).isEqualTo("0x12");
    assertThat(info.get("finalityDepth").asText()).isEqualTo("0x15180");
    assertThat(info.get("orphans").asText()).isEqualTo("0x0");
  }

  @Test
  void tipsAreTheChildlessBlocks() {
    assertThat(texts(rpc.result("citrate_getTips", "[]"))).containsExactly(genesis.toHex());
    Transaction alice = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 2);
    devnet.node().admit(alice.encoded());
    BlockImport.Arrival left = devnet.producer().build().orElseThrow();
    BlockImport.Arrival right = devnet.producer().build().orElseThrow();
    devnet.node().committed(devnet.importer().importBlock(left));
    devnet.node().committed(devnet.importer().importBlock(right));
    List<String> expected = new ArrayList<>(List.of(left.header().hash().toHex(), right.header().hash().toHex()));
    expected.sort(null);
    assertThat(texts(rpc.result("citrate_getTips", "[]"))).containsExactlyElementsOf(expected);
    assertThat(rpc.result("citrate_getDagInfo", "[]").get("tipCount").asText()).isEqualTo("0x2");
  }

  @Test
  void theMergesetListsBluesAndRedsInExecutionOrder() {
    Fork fork = fork();
    Hash selectedParent = devnet.consensus().ghostdagData(fork.merging()).orElseThrow().selectedParent();
    Hash other = selectedParent.equals(fork.left().header().hash()) ? fork.right().header().hash()
        : fork.left().header().hash();
    JsonNode mergeset = rpc.result("citrate_getMergeset", "[" + quoted(fork.merging()) + "]");
    assertThat(mergeset.get("hash").asText()).isEqualTo(fork.merging().toHex());
    assertThat(mergeset.get("selectedParent").asText()).isEqualTo(selectedParent.toHex());
    assertThat(texts(mergeset.get("blues"))).containsExactly(selectedParent.toHex(), other.toHex());
    assertThat(mergeset.get("reds")).isEmpty();
    assertThat(mergeset.get("executionOrder")).singleElement().satisfies(step -> {
      assertThat(step.get("hash").asText()).isEqualTo(other.toHex());
      assertThat(step.get("blue").asBoolean()).isTrue();
    });

    JsonNode ofGenesis = rpc.result("citrate_getMergeset", "[" + quoted(genesis) + "]");
    assertThat(ofGenesis.get("selectedParent").isNull()).isTrue();
    assertThat(ofGenesis.get("blues")).isEmpty();
    assertThat(ofGenesis.get("executionOrder")).isEmpty();
  }

  @Test
  void aMergingChainBlockShowsItsHeaderGhostdagDataAndWhatItAccepted() {
    Fork fork = fork();
    Hash selectedParent = devnet.consensus().ghostdagData(fork.merging()).orElseThrow().selectedParent();
    BlockImport.Arrival merged = selectedParent.equals(fork.left().header().hash()) ? fork.right() : fork.left();

    JsonNode block = rpc.result("citrate_getBlockByHash", "[" + quoted(fork.merging()) + ",false]");
    assertThat(block.get("hash").asText()).isEqualTo(fork.merging().toHex());
    assertThat(block.get("status").asText()).isEqualTo("valid");
    List<String> parents = new ArrayList<>(List.of(fork.left().header().hash().toHex(),
        fork.right().header().hash().toHex()));
    parents.sort(null);
    assertThat(texts(block.get("parents"))).containsExactlyElementsOf(parents);
    assertThat(block.get("timestamp").asText())
        .isEqualTo(Quantities.quantity(devnet.consensus().header(fork.merging()).orElseThrow().timestamp()));
    assertThat(block.get("blueScore").asText()).isEqualTo("0x3");
    assertThat(block.get("producer").asText()).isEqualTo(Devnet.VALIDATOR.publicKey().toAddress().toHex());
    assertThat(block.get("vrfProof").asText()).startsWith("0x").hasSizeGreaterThan(2);
    assertThat(block.get("signature").asText()).hasSize(2 + 2 * 65);
    assertThat(block.get("selectedParent").asText()).isEqualTo(selectedParent.toHex());
    assertThat(texts(block.get("mergesetBlues"))).containsExactly(selectedParent.toHex(),
        merged.header().hash().toHex());
    assertThat(block.get("mergesetReds")).isEmpty();
    assertThat(block.get("children")).isEmpty();
    assertThat(block.get("chainBlock").asBoolean()).isTrue();
    assertThat(block.get("chainNumber").asText()).isEqualTo("0x2");
    assertThat(block.get("transactions")).isEmpty();

    // It accepts the merged block's body: what still fits, and the rest (Alice's transfer, which the selected
    // parent accepted if it carried it) skipped with its reason.
    JsonNode acceptance = block.get("acceptance");
    assertThat(acceptance.get("number").asText()).isEqualTo("0x2");
    Set<String> acceptedOrSkipped = new HashSet<>(texts(acceptance.get("transactions")));
    acceptance.get("skipped").forEach(skip -> {
      acceptedOrSkipped.add(skip.get("hash").asText());
      assertThat(skip.get("reason").asText()).isEqualTo("NONCE_TOO_LOW");
      assertThat(skip.get("description").asText()).isNotEmpty();
    });
    assertThat(acceptedOrSkipped).containsExactlyInAnyOrderElementsOf(
        merged.transactions().stream().map(transaction -> transaction.hash().toHex()).toList());
    assertThat(acceptance.get("gasUsed").asText())
        .isEqualTo(Quantities.quantity(21_000L * acceptance.get("transactions").size()));
  }

  @Test
  void aBlockOffTheSelectedChainShowsItsOwnBodyAndNoChainNumber() {
    Fork fork = fork();
    Hash selectedParent = devnet.consensus().ghostdagData(fork.merging()).orElseThrow().selectedParent();
    BlockImport.Arrival merged = selectedParent.equals(fork.left().header().hash()) ? fork.right() : fork.left();

    JsonNode block = rpc.result("citrate_getBlockByHash", "[" + quoted(merged.header().hash()) + ",true]");
    assertThat(block.get("chainBlock").asBoolean()).isFalse();
    assertThat(block.get("chainNumber").isNull()).isTrue();
    assertThat(texts(block.get("children"))).containsExactly(fork.merging().toHex());
    assertThat(block.get("transactions")).hasSameSizeAs(merged.transactions());
    for (int i = 0; i < merged.transactions().size(); i++) {
      JsonNode transaction = block.get("transactions").get(i);
      assertThat(transaction.get("hash").asText()).isEqualTo(merged.transactions().get(i).hash().toHex());
      assertThat(transaction.get("from").asText()).isEqualTo(merged.transactions().get(i).sender().toHex());
    }
    // As if it were a chain block, it accepted its own body at number 1.
    JsonNode acceptance = block.get("acceptance");
    assertThat(acceptance.get("number").asText()).isEqualTo("0x1");
    assertThat(acceptance.get("transactions")).allSatisfy(transaction ->
        assertThat(transaction.get("includedIn").asText()).isEqualTo(merged.header().hash().toHex()));
  }

  @Test
  void genesisHasNoSelectedParentAndAnEmptyBody() {
    JsonNode block = rpc.result("citrate_getBlockByHash", "[" + quoted(genesis) + "]");
    assertThat(block.get("selectedParent").isNull()).isTrue();
    assertThat(block.get("parents")).isEmpty();
    assertThat(block.get("chainNumber").asText()).isEqualTo("0x0");
    assertThat(block.get("transactions")).isEmpty();
    assertThat(block.get("signature").isNull()).isTrue();
  }

  @Test
  void finalityGivesTheFinalityPointTheSafeAndTheLatestBlock() {
    Hash head = devnet.node().produceBlock();
    JsonNode finality = rpc.result("citrate_getFinality", "[]");
    assertThat(finality.get("finalityPoint").get("hash").asText()).isEqualTo(genesis.toHex());
    assertThat(finality.get("finalityPoint").get("number").asText()).isEqualTo("0x0");
    // Fewer than k blue blocks follow block 1, so genesis is the safe block.
    assertThat(finality.get("safe").get("number").asText()).isEqualTo("0x0");
    assertThat(finality.get("latest").get("hash").asText()).isEqualTo(head.toHex());
    assertThat(finality.get("latest").get("number").asText()).isEqualTo("0x1");
    assertThat(finality.get("finalityDepth").asText()).isEqualTo("0x15180");
    assertThat(finality.get("ghostdagK").asText()).isEqualTo("0x12");
  }

  @Test
  void unknownBlocksAreNull() {
    String unknown = quoted(Hash.fromHex("0x" + "ab".repeat(32)));
    assertThat(rpc.result("citrate_getBlockByHash", "[" + unknown + ",true]").isNull()).isTrue();
    assertThat(rpc.result("citrate_getMergeset", "[" + unknown + "]").isNull()).isTrue();
  }

  @Test
  void malformedArgumentsAreInvalidParamsAndChangeNothing() {
    Hash head = devnet.node().produceBlock();
    String hash = quoted(head);
    List<String[]> malformed = List.of(
        new String[] {"citrate_getBlockByHash", "[]"},
        new String[] {"citrate_getBlockByHash", "[\"0x1234\",false]"},
        new String[] {"citrate_getBlockByHash", "[\"0x" + "zz".repeat(32) + "\",false]"},
        new String[] {"citrate_getBlockByHash", "[12,false]"},
        new String[] {"citrate_getBlockByHash", "[" + hash + ",\"yes\"]"},
        new String[] {"citrate_getBlockByHash", "[" + hash + ",false,1]"},
        new String[] {"citrate_getMergeset", "[]"},
        new String[] {"citrate_getMergeset", "[\"" + head.toHex().substring(2) + "\"]"},
        new String[] {"citrate_getMergeset", "[" + hash + ",true]"},
        new String[] {"citrate_getTips", "[1]"},
        new String[] {"citrate_getDagInfo", "[\"latest\"]"},
        new String[] {"citrate_getFinality", "[{}]"});
    for (String[] call : malformed) {
      assertThat(rpc.errorCode(call[0], call[1])).as(call[0] + " " + call[1]).isEqualTo(-32602);
    }
    assertThat(devnet.consensus().sink()).isEqualTo(head);
    assertThat(devnet.consensus().tips()).containsExactly(head);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
