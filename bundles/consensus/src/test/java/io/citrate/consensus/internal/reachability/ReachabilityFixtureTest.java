package io.citrate.consensus.internal.reachability;

import static io.citrate.consensus.internal.reachability.TestDag.hash;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Hash;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Family C of the shared fixtures (Kaspa's reachability stretch DAGs, 4k to 16k blocks): each DAG goes
 * through the index with the default reindex parameters and the selected tip hinted after every block,
 * one staged batch per block into a key-value store. Then, through a fresh store over the same data (so
 * what was written is what is checked), a fixed sample of descendants is checked against the DFS oracle
 * for every block as ancestor.
 *
 * <p>Block {@code n} is {@link TestDag#hash}{@code (n)}. The files hold no GHOSTDAG data, so the selected
 * parent is {@link TestDag}'s rule: the parent highest in the tree (longest selected chain), ties to the
 * greater hash.
 */
class ReachabilityFixtureTest {
  private static final String FOLDER = "ghostdag/rusty-kaspa/reachability";
  private static final int SAMPLED_DESCENDANTS = 24;
  private static final int CACHE_CAPACITY = 1 << 15;

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(testdata().resolve(FOLDER))) {
      List<String> names = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json.gz")).sorted().toList();
      assertThat(names).hasSize(6);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void indexAgreesWithTheOracle(String name) throws IOException {
    Path fixture = testdata().resolve(FOLDER).resolve(name);
    JsonNode entries;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(fixture))) {
      entries = new ObjectMapper().readTree(in);
    }
    MemoryKeyValueStore kv = new MemoryKeyValueStore();
    KeyValueReachabilityStore committed = new KeyValueReachabilityStore(kv, CACHE_CAPACITY);
    TestDag dag = new TestDag(committed, new TestDag.Transactions() {
      @Override
      public ReachabilityStore begin() {
        return new StagingReachabilityStore(committed);
      }

      @Override
      public void end(ReachabilityStore staged) {
        WriteBatch batch = new WriteBatch();
        ((StagingReachabilityStore) staged).commit(batch);
        kv.commit(batch);
      }
    }, ReindexParameters.DEFAULT, true);
    for (JsonNode entry : entries) {
      Hash block = hash(Long.parseLong(entry.get("id").asText()));
      List<Hash> parents = new ArrayList<>();
      entry.get("parents").forEach(parent -> parents.add(hash(Long.parseLong(parent.asText()))));
      if (parents.isEmpty()) {
        dag.genesis(block, Interval.maximal());
      } else {
        dag.add(block, parents);
      }
    }
    List<Hash> blocks = dag.blocks();
    assertThat(blocks).hasSize(entries.size());
    KeyValueReachabilityStore fresh = new KeyValueReachabilityStore(kv, CACHE_CAPACITY);
    dag.connect(fresh, null);
    ReachabilityInvariants.check(fresh, blocks.get(0));

    for (int sample = 1; sample <= SAMPLED_DESCENDANTS; sample++) {
      Hash descendant = blocks.get((int) ((long) blocks.size() * sample / (SAMPLED_DESCENDANTS + 1)));
      Set<Hash> past = dag.oracle().pastOf(descendant);
      Set<Hash> chain = dag.oracle().selectedChainOf(descendant);
      for (Hash ancestor : blocks) {
        if (dag.index().isDagAncestorOf(ancestor, descendant) != (ancestor.equals(descendant) || past.contains(ancestor))
            || dag.index().isChainAncestorOf(ancestor, descendant) != chain.contains(ancestor)) {
          throw new AssertionError("index and oracle disagree on " + ancestor + " and " + descendant + " in " + fixture);
        }
      }
    }
  }

  /** {@code citrate.testdata}, or {@code ../shared/testdata} beside the repository root (the folder holding {@code .mvn}). */
  private static Path testdata() {
    String configured = System.getProperty("citrate.testdata");
    if (configured != null) {
      return Path.of(configured);
    }
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.isDirectory(directory.resolve(".mvn"))) {
      directory = directory.getParent();
    }
    if (directory == null) {
      throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath() + "; set -Dcitrate.testdata");
    }
    return directory.resolve("../shared/testdata").normalize();
  }
}
