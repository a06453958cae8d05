package io.citrate.consensus.command;

import static io.citrate.consensus.DagOnly.NO_EXECUTION;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.ProposerParameters;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.Validator;
import io.citrate.consensus.internal.ConsensusService;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.vrf.VrfPrivateKey;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The commands' output over a real consensus service on a small DAG: a chain of three and a fork. */
class ConsensusCommandsTest {
  private static final KeyPair PRODUCER = KeyPair.of(PrivateKey.fromHex("0x" + "42".repeat(32)));
  private static final VrfPrivateKey PRODUCER_VRF = VrfPrivateKey.fromHex("0x" + "24".repeat(32));
  private static final long GENESIS_TIME = 1_800_000_000_000L;
  private static final ConsensusGenesis GENESIS = new ConsensusGenesis(1337, new ConsensusParameters(18, 10, 180, 100),
      ProposerParameters.DEFAULT, BlockHeader.builder().timestamp(GENESIS_TIME).gasLimit(30_000_000).build(),
      StakeDistribution.of(List.of(new Validator(PRODUCER.address(), PRODUCER_VRF.publicKey(), Wei.of(1)))));
  private static final Hash GENESIS_HASH = GENESIS.header().hash();

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final ConsensusService consensus =
      new ConsensusService(GENESIS, store, NO_EXECUTION, 8, 0, () -> GENESIS_TIME + 1_000_000, new MetricRegistry());
  private final List<Hash> chain = new ArrayList<>(List.of(GENESIS_HASH));

  @AfterEach
  void closeStore() {
    consensus.close();
    store.close();
  }

  @Test
  void dagInfoShowsGenesisRulesAndWhereTheDagStands() throws Exception {
    extendChain(3);

    String output = printed(out -> DagInfo.print(consensus, out));

    assertThat(output)
        .contains("Chain id             : 1337")
        .contains("Genesis              : " + GENESIS_HASH)
        .contains("GHOSTDAG k           : 18")
        .contains("Finality depth       : 100")
        .contains("Sink                 : " + chain.get(3))
        .contains("Sink blue score      : 3")
        .contains("Sink blue work       : 3")
        .contains("Selected chain height: 3")
        .contains("Tips                 : 1")
        .contains("Finality point       : " + GENESIS_HASH)
        .contains("Orphans              : 0");
  }

  @Test
  void dagTipsMarksTheSink() throws Exception {
    extendChain(1);
    Hash fork = submit(List.of(GENESIS_HASH), 50).hash();
    extendChain(1);

    String output = printed(out -> DagTips.print(consensus, out));

    assertThat(output)
        .containsPattern("\\*\\s*\\|\\s*" + chain.get(2) + "\\s*\\|\\s*2\\s*\\|\\s*2\\s*\\|\\s*1")
        .containsPattern("\\|\\s*" + fork + "\\s*\\|\\s*1\\s*\\|");
    assertThat(output.lines().filter(line -> line.contains("0x"))).hasSize(2);
  }

  @Test
  void blockShowPrintsHeaderGhostdagAndRelations() throws Exception {
    extendChain(2);

    String output = printed(out -> BlockShow.print(consensus, chain.get(1), out));

    BlockHeader header = consensus.header(chain.get(1)).orElseThrow();
    assertThat(output)
        .contains("Block          : " + chain.get(1))
        .contains("Status         : VALID")
        .contains("Chain position : 1")
        .contains("Timestamp      : " + Instant.ofEpochMilli(header.timestamp()))
        .contains("Producer       : " + PRODUCER.address())
        .contains("Parents        : " + GENESIS_HASH)
        .contains("Children       : " + chain.get(2))
        .contains("Selected parent: " + GENESIS_HASH)
        .contains("Blue score     : 1")
        .contains("Mergeset blues : " + GENESIS_HASH)
        .contains("Mergeset reds  : none");
  }

  @Test
  void blockShowListsEveryParentOfAMerge() throws Exception {
    extendChain(1);
    Hash fork = submit(List.of(GENESIS_HASH), 50).hash();
    List<Hash> parents = List.of(chain.get(1), fork).stream().sorted().toList();
    Hash merge = submit(parents, 60).hash();

    String output = printed(out -> BlockShow.print(consensus, merge, out));

    assertThat(output).contains("Parents        : " + parents.get(0)).contains(" ".repeat(17) + parents.get(1));
  }

  @Test
  void blockShowGenesisHasNoSelectedParent() {
    assertThat(printed(out -> BlockShow.print(consensus, GENESIS_HASH, out)))
        .contains("Selected parent: none (genesis)")
        .contains("Parents        : none")
        .contains("Chain position : 0");
  }

  @Test
  void blockShowGivesTheReasonForARejectedBlock() throws Exception {
    BlockHeader forged = block(List.of(GENESIS_HASH), consensus.ghostdagFor(List.of(GENESIS_HASH)), 1)
        .sign(PrivateKey.fromHex("0x" + "43".repeat(32)));
    assertThat(consensus.submit(forged).get(0)).isInstanceOf(BlockOutcome.Rejected.class);

    assertThat(printed(out -> BlockShow.print(consensus, forged.hash(), out)))
        .contains("Status         : INVALID")
        .contains("Reason         : producer signature does not verify");
  }

  @Test
  void blockShowRefusesAnUnknownBlock() {
    Hash unknown = Hash.wrap(new byte[32]);
    assertThatThrownBy(() -> BlockShow.print(consensus, unknown, new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown block " + unknown);
  }

  @Test
  void blockHashesMustBe32BytesOfHex() {
    assertThat(BlockHashes.parse(GENESIS_HASH.toHex())).isEqualTo(GENESIS_HASH);
    assertThat(BlockHashes.parse(GENESIS_HASH.toHex().substring(2))).isEqualTo(GENESIS_HASH);
    for (String bad : List.of("", "0x", "0x1234", "xyz", GENESIS_HASH.toHex() + "00", "0x" + "g".repeat(64))) {
      assertThatThrownBy(() -> BlockHashes.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not a block hash (64 hex digits, 0x optional): ")
          .hasMessageNotContaining("\n");
    }
    assertThatThrownBy(() -> BlockHashes.parse("f".repeat(1000)))
        .hasMessageEndingWith("f".repeat(80) + "...");
  }

  @Test
  void chainListIsNewestFirstByDefault() throws Exception {
    extendChain(4);

    String output = printed(out -> ChainList.print(consensus, null, ChainList.DEFAULT_COUNT, false, out));

    assertThat(rowsOf(output)).containsExactly(chain.get(4), chain.get(3), chain.get(2), chain.get(1), GENESIS_HASH);
  }

  @Test
  void chainListTakesAStartACountAndADirection() throws Exception {
    extendChain(4);

    assertThat(rowsOf(printed(out -> ChainList.print(consensus, 3L, 2, false, out))))
        .containsExactly(chain.get(3), chain.get(2));
    assertThat(rowsOf(printed(out -> ChainList.print(consensus, null, 2, true, out))))
        .containsExactly(GENESIS_HASH, chain.get(1));
    assertThat(rowsOf(printed(out -> ChainList.print(consensus, 3L, 10, true, out))))
        .containsExactly(chain.get(3), chain.get(4));
  }

  @Test
  void chainListRefusesPositionsOffTheChainAndEmptyCounts() throws Exception {
    extendChain(2);
    PrintStream out = new PrintStream(new ByteArrayOutputStream());

    assertThatThrownBy(() -> ChainList.print(consensus, 3L, 5, false, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start 3 is not a position on the selected chain (0 to 2)");
    assertThatThrownBy(() -> ChainList.print(consensus, -1L, 5, false, out))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChainList.print(consensus, null, 0, false, out))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be at least 1: 0");
  }

  /** The block hashes of a printed table, top to bottom. */
  private static List<Hash> rowsOf(String table) {
    return table.lines()
        .flatMap(line -> Arrays.stream(line.split("[|\\s]+")))
        .filter(cell -> cell.startsWith("0x"))
        .map(Hash::fromHex)
        .toList();
  }

  private void extendChain(int blocks) throws Exception {
    for (int i = 0; i < blocks; i++) {
      chain.add(submit(List.of(chain.get(chain.size() - 1)), chain.size()).hash());
    }
  }

  private BlockHeader submit(List<Hash> parents, int salt) throws Exception {
    BlockHeader block = block(parents, consensus.ghostdagFor(parents), salt);
    assertThat(consensus.submit(block)).singleElement().isInstanceOf(BlockOutcome.Accepted.class);
    return block;
  }

  /**
   * The producer's proof for the slot of {@code timestamp}. Every block of this test is in the first epoch,
   * whose seed comes from genesis alone, so the proof holds whichever parents the block has.
   */
  private byte[] slotProof(long timestamp) throws Exception {
    return consensus.slotInput(GENESIS_HASH, timestamp).prove(PRODUCER_VRF).proof().toBytes();
  }

  /** Every block of this test is made here: signed by the producer, made distinct by its salt. */
  private BlockHeader block(List<Hash> parents, GhostdagData data, int salt) throws Exception {
    return BlockHeader.builder()
        .parents(parents)
        .timestamp(GENESIS_TIME + salt)
        .blueScore(data.blueScore())
        .blueWork(data.blueWork())
        .gasLimit(30_000_000)
        .producer(PRODUCER.address())
        .vrfProof(slotProof(GENESIS_TIME + salt))
        .build()
        .sign(PRODUCER.privateKey());
  }

  private static String printed(Consumer<PrintStream> printer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      printer.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
