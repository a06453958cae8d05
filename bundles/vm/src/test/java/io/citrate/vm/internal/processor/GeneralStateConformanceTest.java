package io.citrate.vm.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.tx.InvalidTransactionException;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionDecoder;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.Log;
import io.citrate.vm.api.TransactionOutcome;
import io.citrate.vm.internal.evm.EvmSpecVersion;
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.precompile.MainnetPrecompiles;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Ethereum's GeneralStateTests ({@code testdata/evm}, see its README): one case per (test, fork, post entry), named
 * after the file, the test and the entry's indexes. Each case builds the pre-state in a fresh in-memory key-value
 * store, decodes {@code txbytes}, executes it on the EVM of the entry's fork and compares the state root and the
 * logs hash; cases with {@code expectException} must be rejected, by the decoder or the executor.
 *
 * <p>{@link #cancun} reports the Cancun entries, the fork the node runs; {@link #otherForks} the entries of the
 * older forks this EVM implements (Berlin, London, Paris, which some fixtures call Merge, and Shanghai), one
 * container per fork, and the entries of forks before Berlin as skipped with their reason. All cases run in
 * parallel up front, then each is reported as a dynamic test; pass counts per fork and top-level folder go to
 * stdout and {@code target/evm-conformance.txt}, every skipped entry with its reason to
 * {@code target/evm-conformance-skipped.txt}. {@code -Dcitrate.evm.tests=DIR} runs another folder of the same
 * format; {@code -Dcitrate.evm.filter=TEXT} keeps the files whose relative path contains TEXT.
 */
class GeneralStateConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CANCUN = "Cancun";
  /** The post keys of the forks this EVM implements, oldest first. */
  private static final Map<String, EvmSpecVersion> FORKS = forks();
  private static final Hash EMPTY_LOGS_HASH = Keccak256.hash(Rlp.EMPTY_LIST);
  /** Cases are timed in CPU time, which a busy machine does not inflate. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Skipped cases: a folder ("stZeroKnowledge/") or a test ("folder/file/test") to the reason. A skipped test
   * skips all its cases. Empty: every Cancun case runs.
   */
  private static final Map<String, String> SKIPPED = Map.of();

  /** Every result, computed once for both test factories. */
  private static List<Result> results;

  private static Map<String, EvmSpecVersion> forks() {
    Map<String, EvmSpecVersion> forks = new LinkedHashMap<>();
    forks.put("Berlin", EvmSpecVersion.BERLIN);
    forks.put("London", EvmSpecVersion.LONDON);
    forks.put("Paris", EvmSpecVersion.PARIS);
    forks.put("Merge", EvmSpecVersion.PARIS);
    forks.put("Shanghai", EvmSpecVersion.SHANGHAI);
    forks.put(CANCUN, EvmSpecVersion.CANCUN);
    return forks;
  }

  static boolean fixturesPresent() {
    return Files.isDirectory(testsRoot());
  }

  private static Path testsRoot() {
    String explicit = System.getProperty("citrate.evm.tests");
    if (explicit != null) {
      return Path.of(explicit);
    }
    return Path.of(System.getProperty("citrate.testdata", "../../../shared/testdata"), "evm", "GeneralStateTests");
  }

  /** One post entry; {@code version} null when its fork is not implemented. */
  record Case(String fork, EvmSpecVersion version, String folder, String name, JsonNode test, JsonNode post) {}

  /**
   * How a case ended: {@code failure} null when it passed; {@code skipReason} set when it was not run;
   * {@code nanos} of CPU time.
   */
  record Result(Case testCase, String failure, String skipReason, long nanos) {
    boolean passed() {
      return failure == null && skipReason == null;
    }

    boolean skipped() {
      return skipReason != null;
    }
  }

  @TestFactory
  @EnabledIf("fixturesPresent")
  Stream<DynamicNode> cancun() throws IOException {
    return byFolder(results().stream().filter(r -> r.testCase().fork().equals(CANCUN)).toList());
  }

  /** The entries of every other fork: one container per fork, those before Berlin skipped. */
  @TestFactory
  @EnabledIf("fixturesPresent")
  Stream<DynamicNode> otherForks() throws IOException {
    Map<String, List<Result>> byFork = new LinkedHashMap<>();
    for (Result result : results()) {
      String fork = result.testCase().fork();
      if (!fork.equals(CANCUN)) {
        byFork.computeIfAbsent(fork, f -> new ArrayList<>()).add(result);
      }
    }
    return byFork.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(fork -> DynamicContainer.dynamicContainer(fork.getKey(), byFolder(fork.getValue())));
  }

  private static Stream<DynamicNode> byFolder(List<Result> forkResults) {
    Map<String, List<Result>> byFolder = new TreeMap<>();
    for (Result result : forkResults) {
      byFolder.computeIfAbsent(result.testCase().folder(), f -> new ArrayList<>()).add(result);
    }
    return byFolder.entrySet().stream().map(folder -> DynamicContainer.dynamicContainer(folder.getKey(),
        folder.getValue().stream().map(result -> DynamicTest.dynamicTest(result.testCase().name(), () -> {
          Assumptions.assumeFalse(result.skipped(), result.skipReason());
          assertThat(result.failure()).as(result.testCase().name()).isNull();
        }))));
  }

  private static synchronized List<Result> results() throws IOException {
    if (results != null) {
      return results;
    }
    Path root = testsRoot();
    String filter = System.getProperty("citrate.evm.filter", "");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> relative(root, p).contains(filter))
          .sorted()
          .collect(Collectors.toList());
    }
    long started = System.nanoTime();
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      results = pool.submit(() -> files.parallelStream()
          .flatMap(file -> cases(root, file).stream())
          .map(GeneralStateConformanceTest::run)
          .collect(Collectors.toList())).join();
    } finally {
      pool.shutdown();
    }
    report(results, (System.nanoTime() - started) / 1_000_000);
    return results;
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static List<Case> cases(Path root, Path file) {
    String path = relative(root, file).replaceFirst("\\.json$", "");
    String folder = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    JsonNode tests;
    try {
      tests = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Case> cases = new ArrayList<>();
    for (Map.Entry<String, JsonNode> test : tests.properties()) {
      String testPath = path + "/" + test.getKey();
      for (Map.Entry<String, JsonNode> fork : test.getValue().path("post").properties()) {
        for (JsonNode post : fork.getValue()) {
          JsonNode indexes = post.get("indexes");
          String name = testPath + "[d" + indexes.get("data").asInt() + ",g" + indexes.get("gas").asInt() + ",v"
              + indexes.get("value").asInt() + "]";
          cases.add(new Case(fork.getKey(), FORKS.get(fork.getKey()), folder, name, test.getValue(), post));
        }
      }
    }
    return cases;
  }

  private static Result run(Case testCase) {
    String skipReason = testCase.version() == null ? "fork not implemented" : skipReason(testCase.name());
    if (skipReason != null) {
      return new Result(testCase, null, skipReason, 0);
    }
    long started = THREADS.getCurrentThreadCpuTime();
    String failure;
    try {
      failure = check(testCase.version(), testCase.test(), testCase.post());
    } catch (RuntimeException | AssertionError e) {
      failure = e.toString();
    }
    return new Result(testCase, failure, null, THREADS.getCurrentThreadCpuTime() - started);
  }

  private static String skipReason(String caseName) {
    for (Map.Entry<String, String> skip : SKIPPED.entrySet()) {
      String key = skip.getKey();
      if (key.endsWith("/") ? caseName.startsWith(key) : caseName.startsWith(key + "[")) {
        return skip.getValue();
      }
    }
    return null;
  }

  /** Runs one case; null when it passes, otherwise what went wrong. */
  private static String check(EvmSpecVersion fork, JsonNode test, JsonNode post) {
    KeyValueTrieNodeStore nodes = new KeyValueTrieNodeStore(new MemoryKeyValueStore());
    TrieWorldState world = TrieWorldState.empty(nodes);
    for (Map.Entry<String, JsonNode> account : test.get("pre").properties()) {
      Map<Word, Word> storage = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> slot : account.getValue().path("storage").properties()) {
        storage.put(word(slot.getKey()), word(slot.getValue().asText()));
      }
      world.updateAccount(Address.fromHex(account.getKey()), quantity(account.getValue().get("nonce")).longValue(),
          Wei.of(quantity(account.getValue().get("balance"))), Bytes.fromHex(account.getValue().get("code").asText()),
          storage);
    }
    boolean expectInvalid = post.has("expectException");
    TransactionOutcome outcome;
    try {
      Transaction transaction = TransactionDecoder.decode(Bytes.fromHex(post.get("txbytes").asText()));
      outcome = new TransactionExecutor(MainnetEvms.forFork(fork, MainnetPrecompiles.forFork(fork)))
          .execute(world, environment(fork, test.get("env")), transaction, 0);
    } catch (InvalidTransactionException e) {
      return expectInvalid ? checkRoot(world, post) : "decoding rejected a valid transaction: " + e.getMessage();
    }
    if (expectInvalid && !(outcome instanceof TransactionOutcome.Rejected)) {
      return "expected rejection " + post.get("expectException").asText() + " but it executed";
    }
    if (!expectInvalid && outcome instanceof TransactionOutcome.Rejected rejected) {
      return "rejected a valid transaction: " + rejected.reason() + " " + rejected.detail();
    }
    String rootFailure = checkRoot(world, post);
    if (rootFailure != null) {
      return rootFailure;
    }
    List<Log> logs = outcome instanceof TransactionOutcome.Executed executed ? executed.receipt().logs() : List.of();
    Hash logsHash = logsHash(logs);
    Hash expectedLogs = Hash.fromHex(post.get("logs").asText());
    if (!logsHash.equals(expectedLogs)) {
      return "logs hash " + logsHash + ", expected " + expectedLogs;
    }
    return null;
  }

  private static String checkRoot(TrieWorldState world, JsonNode post) {
    Hash expected = Hash.fromHex(post.get("hash").asText());
    Hash actual = world.rootHash();
    return actual.equals(expected) ? null : "state root " + actual + ", expected " + expected;
  }

  static Hash logsHash(List<Log> logs) {
    if (logs.isEmpty()) {
      return EMPTY_LOGS_HASH;
    }
    return Keccak256.hash(Rlp.encodeList(logs.stream().map(Log::encode).collect(Collectors.toList())));
  }

  /**
   * The block of a case: before London there may be no {@code currentBaseFee} (zero, unused); before Paris 0x44
   * reads {@code currentDifficulty} and there is no {@code currentRandom}, from Paris on it is the other way round.
   */
  private static BlockEnvironment environment(EvmSpecVersion fork, JsonNode env) {
    boolean merged = fork.compareTo(EvmSpecVersion.PARIS) >= 0;
    Hash prevRandao = merged
        ? Hash.wrap(Bytes.leftPad(Bytes.trimLeadingZeros(Bytes.fromHex(env.get("currentRandom").asText())), 32))
        : Hash.ZERO;
    BigInteger difficulty = merged ? BigInteger.ZERO : quantity(env.path("currentDifficulty"));
    return new BlockEnvironment(
        Address.fromHex(env.get("currentCoinbase").asText()),
        quantity(env.get("currentNumber")).longValue(),
        quantity(env.get("currentTimestamp")).longValue(),
        quantity(env.get("currentGasLimit")).longValue(),
        Wei.of(quantity(env.path("currentBaseFee"))),
        prevRandao,
        quantity(env.path("currentExcessBlobGas")).longValue(),
        1,
        GeneralStateConformanceTest::blockHash,
        difficulty);
  }

  /** The reference filler's BLOCKHASH: keccak256 of the block number in decimal ASCII. */
  private static Hash blockHash(long number) {
    return Keccak256.hash(Long.toString(number).getBytes(StandardCharsets.US_ASCII));
  }

  private static BigInteger quantity(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return BigInteger.ZERO;
    }
    String hex = node.asText();
    String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
    return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
  }

  private static Word word(String hex) {
    BigInteger value = quantity(new com.fasterxml.jackson.databind.node.TextNode(hex));
    return Word.fromBytes(Bytes.trimLeadingZeros(Bytes.leftPad(value.toByteArray(), 33)));
  }

  private static void report(List<Result> results, long millis) {
    StringBuilder out = new StringBuilder();
    Map<String, List<Result>> byFork = new TreeMap<>((a, b) -> forkOrder(a) != forkOrder(b)
        ? Integer.compare(forkOrder(a), forkOrder(b)) : a.compareTo(b));
    for (Result result : results) {
      byFork.computeIfAbsent(result.testCase().fork(), f -> new ArrayList<>()).add(result);
    }
    List<Result> cancun = byFork.getOrDefault(CANCUN, List.of());
    out.append(folderCounts(CANCUN, cancun));
    out.append("GeneralStateTests by fork: passed / run, skipped\n");
    for (Map.Entry<String, List<Result>> fork : byFork.entrySet()) {
      int[] c = counts(fork.getValue());
      out.append(String.format("%-40s %6d / %6d  skipped %4d%s%n", fork.getKey(), c[0], c[2] - c[1], c[1],
          FORKS.containsKey(fork.getKey()) ? "" : "  (fork not implemented)"));
    }
    for (Map.Entry<String, List<Result>> fork : byFork.entrySet()) {
      if (!fork.getKey().equals(CANCUN) && FORKS.containsKey(fork.getKey())) {
        out.append(folderCounts(fork.getKey(), fork.getValue()));
      }
    }
    int[] all = counts(results);
    out.append(String.format("%-40s %6d / %6d  skipped %4d  (%d s on %d threads)%n", "all forks", all[0],
        all[2] - all[1], all[1], millis / 1000, Runtime.getRuntime().availableProcessors()));
    out.append("slowest cases (CPU time):\n");
    results.stream().sorted((a, b) -> Long.compare(b.nanos(), a.nanos())).limit(10).forEach(r ->
        out.append(String.format("  %6d ms  %s %s%n", r.nanos() / 1_000_000, r.testCase().fork(),
            r.testCase().name())));
    StringBuilder failures = new StringBuilder();
    StringBuilder skipped = new StringBuilder();
    results.stream()
        .sorted((a, b) -> (a.testCase().fork() + " " + a.testCase().name())
            .compareTo(b.testCase().fork() + " " + b.testCase().name()))
        .forEach(r -> {
          if (r.skipped()) {
            skipped.append(r.testCase().fork()).append(' ').append(r.testCase().name()).append(": ")
                .append(r.skipReason()).append('\n');
          } else if (!r.passed()) {
            failures.append(r.testCase().fork()).append(' ').append(r.testCase().name()).append(": ")
                .append(r.failure()).append('\n');
          }
        });
    System.out.print(out);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "evm-conformance.txt"), out, StandardCharsets.UTF_8);
      Files.writeString(Path.of("target", "evm-conformance-failures.txt"), failures, StandardCharsets.UTF_8);
      Files.writeString(Path.of("target", "evm-conformance-skipped.txt"), skipped, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Implemented forks in their order, then the others. */
  private static int forkOrder(String fork) {
    EvmSpecVersion version = FORKS.get(fork);
    return version == null ? -1 : version.ordinal();
  }

  /** Passed, skipped and all. */
  private static int[] counts(List<Result> results) {
    int[] c = new int[3];
    for (Result result : results) {
      c[0] += result.passed() ? 1 : 0;
      c[1] += result.skipped() ? 1 : 0;
      c[2]++;
    }
    return c;
  }

  private static String folderCounts(String fork, List<Result> results) {
    Map<String, List<Result>> byFolder = new TreeMap<>();
    for (Result result : results) {
      byFolder.computeIfAbsent(result.testCase().folder(), f -> new ArrayList<>()).add(result);
    }
    StringBuilder out = new StringBuilder("GeneralStateTests (" + fork + "): passed / run, skipped\n");
    for (Map.Entry<String, List<Result>> folder : byFolder.entrySet()) {
      int[] c = counts(folder.getValue());
      out.append(String.format("%-40s %6d / %6d  skipped %4d%n", folder.getKey(), c[0], c[2] - c[1], c[1]));
    }
    int[] c = counts(results);
    out.append(String.format("%-40s %6d / %6d  skipped %4d%n", "total", c[0], c[2] - c[1], c[1]));
    return out.toString();
  }
}
