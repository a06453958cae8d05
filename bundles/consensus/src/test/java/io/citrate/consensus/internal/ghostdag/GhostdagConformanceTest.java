package io.citrate.consensus.internal.ghostdag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.internal.store.KeyValueGhostdagStore;
import io.citrate.core.api.Hash;
import io.citrate.store.internal.XodusKeyValueStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays Kaspa's GHOSTDAG fixtures (see {@code testdata/ghostdag/FORMAT.md}) through the Xodus-backed
 * stores, then checks what a fresh store reopened from disk holds. Family A: hand-made DAGs with selected
 * parent, ordered blues and reds and blue score per block. Family B: real headers with blue score and blue
 * work, work derived from each header's difficulty bits.
 */
class GhostdagConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Family A gives every block the same work; with 1, blue work equals blue score. */
  private static final BigInteger FAMILY_A_WORK = BigInteger.ONE;

  /** Fixtures not run, by path relative to the ghostdag folder, each with its reason. */
  private static final Map<String, String> SKIPPED = Map.of();

  private static final Map<String, AtomicInteger> FILES_PASSED = new LinkedHashMap<>();
  private static final Map<String, AtomicInteger> BLOCKS_PASSED = new LinkedHashMap<>();

  @TempDir
  Path directory;

  static List<String> familyA() {
    return GhostdagFixtures.find(path -> path.getParent() != null
        && path.getParent().getFileName().toString().equals("dags") && path.toString().endsWith(".json"));
  }

  static List<String> familyB() {
    return GhostdagFixtures.find(path -> path.getFileName().toString().equals("blocks.json.gz"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("familyA")
  void familyA(String fixture) throws IOException {
    assumeTrue(!SKIPPED.containsKey(fixture), () -> SKIPPED.get(fixture));
    JsonNode dag = JSON.readTree(GhostdagFixtures.root().resolve(fixture).toFile());
    int k = dag.get("K").asInt();
    Hash genesis = idHash(dag.get("GenesisID").asText());
    ConsensusParameters parameters = new ConsensusParameters(k, 64, 10 * k + 1, 1);

    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      TestDag testDag = TestDag.withReachabilityIndex(store, parameters, genesis, block -> FAMILY_A_WORK);
      for (JsonNode block : dag.get("Blocks")) {
        testDag.add(idHash(block.get("ID").asText()), idHashes(block.get("Parents")));
      }
    }

    SoftAssertions softly = new SoftAssertions();
    try (XodusKeyValueStore reopened = XodusKeyValueStore.open(directory, false)) {
      KeyValueGhostdagStore stored = new KeyValueGhostdagStore(reopened);
      softly.assertThat(stored.get(genesis)).as("genesis").isEqualTo(GhostdagData.genesis());
      for (JsonNode block : dag.get("Blocks")) {
        String id = block.get("ID").asText();
        GhostdagData data = stored.get(idHash(id));
        long score = block.get("ExpectedScore").asLong();
        softly.assertThat(data.selectedParent()).as("%s selected parent", id)
            .isEqualTo(idHash(block.get("ExpectedSelectedParent").asText()));
        softly.assertThat(data.mergesetBlues()).as("%s blues", id).isEqualTo(idHashes(block.get("ExpectedBlues")));
        softly.assertThat(data.mergesetReds()).as("%s reds", id).isEqualTo(idHashes(block.get("ExpectedReds")));
        softly.assertThat(data.blueScore()).as("%s blue score", id).isEqualTo(score);
        softly.assertThat(data.blueWork()).as("%s blue work", id)
            .isEqualTo(FAMILY_A_WORK.multiply(BigInteger.valueOf(score)));
      }
    }
    softly.assertAll();
    record("A", dag.get("Blocks").size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("familyB")
  void familyB(String fixture) throws IOException {
    assumeTrue(!SKIPPED.containsKey(fixture), () -> SKIPPED.get(fixture));
    List<JsonNode> lines = readJsonLines(GhostdagFixtures.root().resolve(fixture));
    JsonNode blockrate = lines.get(0).get("blockrate");
    ConsensusParameters parameters = new ConsensusParameters(blockrate.get("ghostdag_k").asInt(),
        blockrate.get("max_block_parents").asInt(), blockrate.get("mergeset_size_limit").asInt(), 1);
    List<JsonNode> headers = lines.subList(1, lines.size()).stream().map(line -> line.get("header")).toList();
    Map<Hash, BigInteger> work = new HashMap<>();
    for (JsonNode header : headers) {
      work.put(Hash.fromHex(header.get("hash").asText()), DifficultyBits.work(header.get("bits").asLong()));
    }
    Hash genesis = Hash.fromHex(headers.get(0).get("hash").asText());

    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      TestDag testDag = TestDag.withReachabilityIndex(store, parameters, genesis, work::get);
      for (JsonNode header : headers.subList(1, headers.size())) {
        testDag.add(Hash.fromHex(header.get("hash").asText()), hexHashes(header.get("parentsByLevel").get(0)));
      }
    }

    SoftAssertions softly = new SoftAssertions();
    try (XodusKeyValueStore reopened = XodusKeyValueStore.open(directory, false)) {
      KeyValueGhostdagStore stored = new KeyValueGhostdagStore(reopened);
      for (JsonNode header : headers) {
        String hash = header.get("hash").asText();
        GhostdagData data = stored.get(Hash.fromHex(hash));
        softly.assertThat(data.blueScore()).as("%s blue score", hash).isEqualTo(header.get("blueScore").asLong());
        softly.assertThat(data.blueWork()).as("%s blue work", hash)
            .isEqualTo(new BigInteger(header.get("blueWork").asText(), 16));
      }
    }
    softly.assertAll();
    record("B", headers.size() - 1);
  }

  @AfterAll
  static void reportPassCounts() {
    FILES_PASSED.forEach((family, files) -> System.out.printf("GHOSTDAG conformance family %s: %d fixture(s), %d block(s) passed%n",
        family, files.get(), BLOCKS_PASSED.get(family).get()));
  }

  private static synchronized void record(String family, int blocks) {
    FILES_PASSED.computeIfAbsent(family, key -> new AtomicInteger()).incrementAndGet();
    BLOCKS_PASSED.computeIfAbsent(family, key -> new AtomicInteger()).addAndGet(blocks);
  }

  /** Family A's id-to-hash rule: the id's bytes, right-padded with zeros to 32 bytes. */
  private static Hash idHash(String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    byte[] hash = new byte[Hash.SIZE];
    System.arraycopy(bytes, 0, hash, 0, Math.min(bytes.length, Hash.SIZE));
    return Hash.wrapUnsafe(hash);
  }

  private static List<Hash> idHashes(JsonNode ids) {
    List<Hash> hashes = new ArrayList<>();
    ids.forEach(id -> hashes.add(idHash(id.asText())));
    return hashes;
  }

  private static List<Hash> hexHashes(JsonNode hexes) {
    List<Hash> hashes = new ArrayList<>();
    hexes.forEach(hex -> hashes.add(Hash.fromHex(hex.asText())));
    return hashes;
  }

  private static List<JsonNode> readJsonLines(Path file) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
    }
    return lines;
  }
}
