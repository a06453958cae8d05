package io.citrate.benchmarks;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.crypto.Secp256k1;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionDecoder;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.api.ChainSpec;
import io.citrate.node.api.NodeStatus;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.node.internal.chain.ChainSpecReader;
import io.citrate.node.internal.chain.ValidatorKeys;
import io.citrate.node.internal.execution.ChainStore;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import io.citrate.store.internal.XodusKeyValueStore;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.RejectionReason;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.BlockExecutionResult;
import io.citrate.vm.api.PrecompileUnavailableException;
import io.citrate.vm.internal.processor.BlockProcessorComponent;
import io.citrate.vm.internal.registry.WhiteboardPrecompileRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * End-to-end throughput of a devnet node in one process: signed ETH transfers and ERC-20 {@code transfer} calls
 * admitted through the node's transaction ingress ({@code NodeService.admit}: decoding, sender recovery, pool
 * admission, the durable journal write) while a producer thread builds blocks from the pool (execution) and
 * imports them through consensus (validation and the commit of DAG data, state, receipts and indexes in one
 * Xodus transaction), back to back, on a fresh Xodus store with durable writes. The unit is a transaction
 * accepted into a committed chain block.
 *
 * <p>Each workload runs on its own fresh node: a warm-up, then the measured period. All transactions are
 * signed before they are submitted (signing is the client's cost): the warm-up's first, then, from the rate
 * the warm-up reached, enough for the measured period with a margin. Per stage, the run reports wall-clock and
 * thread CPU time per transaction; then, in the same JVM, the costs of sender recovery alone (one thread and
 * two) and the baseline of pure execution: the same transactions through {@code BlockProcessor.execute} on an
 * in-memory store, without pool, consensus or commit.
 *
 * <p>Usage: {@code DevnetThroughput [measured seconds (60)] [warm-up seconds (10)] [senders (4000)]
 * [most transactions per block (20)] [submitter threads (1)]}. The default block size is small because the
 * node's handling of a committed block costs time quadratic in its transaction count ({@link #blockSizeProbe}
 * measures it): produced back to back, larger blocks take longer to commit, so more transactions wait for the
 * next one, which takes longer still.
 */
public final class DevnetThroughput {
  private static final double GOAL = 10_000;
  private static final Address TOKEN = Address.fromHex("0x00000000000000000000000000000000000c0de0");
  private static final PrivateKey VALIDATOR = Devnet.VALIDATOR;
  /** Room for about 11,000 ERC-20 transfers; a block of 5,000 stays under half of it, so the base fee falls. */
  private static final long GAS_LIMIT = 600_000_000L;
  private static final Wei MAX_FEE = Wei.ofGwei(50);
  private static final Wei TIP = Wei.ofGwei(1);
  /** 1,000,000 ether each: far more than any run spends on fees. */
  private static final String SENDER_BALANCE = "1000000000000000000000000";
  private static final long TOKEN_BALANCE = 1_000_000_000_000L;
  private static final long ERC20_GAS_LIMIT = 100_000;
  /** The submitter pauses while the pool holds this many transactions, below its capacity of 10,240. */
  private static final int POOL_HIGH_WATER = 9_000;
  private static final int MAX_SIGNED = 2_000_000;
  /** The execution baseline's block size: ~105 million gas of ETH transfers, ~175 million of ERC-20 ones. */
  private static final int BASELINE_BLOCK = 5_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private enum Workload { ETH, ERC20 }

  private final int seconds;
  private final int warmUpSeconds;
  private final int senders;
  private final int maxTransactions;
  private final int submitters;
  private final PrivateKey[] keys;
  private final Address[] addresses;
  private final byte[] tokenCode;
  private final ChainSpec spec;
  private final List<Result> results = new ArrayList<>();
  private final Map<Workload, List<byte[]>> signed = new EnumMap<>(Workload.class);
  private final Map<Workload, Double> baselines = new EnumMap<>(Workload.class);

  private DevnetThroughput(int seconds, int warmUpSeconds, int senders, int maxTransactions, int submitters) {
    this.seconds = seconds;
    this.warmUpSeconds = warmUpSeconds;
    this.senders = senders;
    this.maxTransactions = maxTransactions;
    this.submitters = submitters;
    keys = new PrivateKey[senders];
    addresses = new Address[senders];
    IntStream.range(0, senders).parallel().forEach(i -> {
      keys[i] = EvmWorkloads.senderKey(i);
      addresses[i] = keys[i].publicKey().toAddress();
    });
    tokenCode = EvmWorkloads.load().code("erc20");
    spec = ChainSpecReader.read(specJson());
  }

  public static void main(String[] args) throws Exception {
    // The node logs every new head; a hundred lines a second would be measured too.
    System.setProperty("org.slf4j.simpleLogger.log.io.citrate.node", "warn");
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int senders = args.length > 2 ? Integer.parseInt(args[2]) : 4_000;
    int perBlock = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int submitters = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    if (senders % submitters != 0) {
      throw new IllegalArgumentException("senders must be a multiple of the submitter threads");
    }
    System.out.printf("devnet throughput: %d s measured after %d s warm-up, %d senders, at most %d transactions"
        + " per block, %d submitter thread(s), %d cores, max heap %d MiB%n", seconds, warmUp, senders, perBlock,
        submitters, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    DevnetThroughput benchmark = new DevnetThroughput(seconds, warmUp, senders, perBlock, submitters);
    for (Workload workload : Workload.values()) {
      for (boolean durable : new boolean[] {false, true}) {
        benchmark.results.add(benchmark.run(workload, durable));
      }
    }
    benchmark.report();
  }

  // ---------------------------------------------------------------------------------------------------------
  // The chain and the transactions

  /** One validator with all the stake; every sender funded with ether and, in the token contract, tokens. */
  private String specJson() {
    ValidatorKeys validator = ValidatorKeys.fromSigningKey(VALIDATOR);
    StringBuilder json = new StringBuilder();
    json.append("""
        {
          "name": "citrate-throughput",
          "chainId": 1337,
          "genesisTimestamp": 1767225600000,
          "consensus": {"ghostdagK": 18, "maxBlockParents": 10, "mergesetSizeLimit": 180, "finalityDepth": 86400,
              "pruningDepth": 185798},
          "proposers": {"slotDurationMillis": 1000, "expectedProducersPerSlot": 5, "epochSlots": 3600},
          "gasLimit": %d,
          "fees": {"initialBaseFee": "1000000000", "elasticityMultiplier": 2, "baseFeeChangeDenominator": 8,
              "baseFeeDestination": "burn"},
          "rewards": {"initialReward": "2000000000000000000", "halvingInterval": 126144000,
              "treasuryShareBasisPoints": 1000, "treasury": "0x0000000000000000000000000000000000002000"},
          "validators": [{"address": "%s", "vrfPublicKey": "%s", "stake": "1000000000000000000000"}],
          "alloc": {
        """.formatted(GAS_LIMIT, validator.address().toHex(), Bytes.toHex(validator.vrf().publicKey().toBytes())));
    json.append("    \"").append(validator.address().toHex()).append("\": {\"balance\": \"").append(SENDER_BALANCE)
        .append("\"},\n");
    json.append("    \"").append(TOKEN.toHex()).append("\": {\"balance\": \"0\", \"nonce\": 1, \"code\": \"")
        .append(Bytes.toHex(tokenCode)).append("\", \"storage\": {");
    for (int i = 0; i < senders; i++) {
      json.append(i == 0 ? "" : ", ").append('"')
          .append(Bytes.toHex(EvmWorkloads.balanceSlot(addresses[i]).toBytes32()))
          .append("\": \"").append(Bytes.toHex(EvmWorkloads.word(TOKEN_BALANCE))).append('"');
    }
    json.append("}}");
    for (Address sender : addresses) {
      json.append(",\n    \"").append(sender.toHex()).append("\": {\"balance\": \"").append(SENDER_BALANCE)
          .append("\"}");
    }
    json.append("\n  }\n}\n");
    return json.toString();
  }

  /**
   * The workload's {@code index}th transaction: senders in turn, so a sender's nonces come {@code senders}
   * transactions apart; each pays another sender 1 wei, or 1 to 100 tokens.
   */
  private Transaction transaction(Workload workload, int index) {
    int sender = index % senders;
    long nonce = index / senders;
    Address recipient = addresses[(int) ((7L * index + 3) % senders)];
    Transaction.Builder builder = Transaction.builder(TransactionType.EIP1559).chainId(spec.chainId()).nonce(nonce)
        .maxPriorityFeePerGas(TIP).maxFeePerGas(MAX_FEE);
    if (workload == Workload.ETH) {
      builder.gasLimit(21_000).to(recipient).value(Wei.of(1)).data(Bytes.EMPTY);
    } else {
      builder.gasLimit(ERC20_GAS_LIMIT).to(TOKEN).value(Wei.ZERO)
          .data(EvmWorkloads.transferCalldata(recipient, 1 + index % 100));
    }
    return builder.sign(keys[sender]);
  }

  /** Signs transactions {@code from} to {@code to} (exclusive) into {@code signed}, on every core. */
  private void sign(Workload workload, List<byte[]> signed, int to) {
    int from = signed.size();
    if (to <= from) {
      return;
    }
    byte[][] batch = new byte[to - from][];
    IntStream.range(from, to).parallel().forEach(i -> batch[i - from] = transaction(workload, i).encoded());
    signed.addAll(Arrays.asList(batch));
  }

  // ---------------------------------------------------------------------------------------------------------
  // The run

  /** What one submitter or the producer spent, wall-clock and CPU, and on how many transactions. */
  private static final class Stage {
    final LongAdder nanos = new LongAdder();
    final LongAdder cpuNanos = new LongAdder();
    final LongAdder count = new LongAdder();

    long[] snapshot() {
      return new long[] {nanos.sum(), cpuNanos.sum(), count.sum()};
    }
  }

  /** A committed block: when, and how many transactions it accepted. */
  private record Committed(long nanos, Hash block, long number, int transactions) {}

  /** Everything a workload's measured period produced. */
  private record Result(Workload workload, boolean durable, long transactions, double seconds, long blocks,
      double medianWindowRate, List<Double> windowRates, Map<String, double[]> stages, long admitted,
      Map<RejectionReason, Long> rejections, long pausesForFullPool, long slotsLost, long heapMiB, long storeMiB,
      boolean ranOut, double executionRate) {
    double rate() {
      return transactions / seconds;
    }
  }

  /**
   * One workload on a fresh node whose store syncs every commit ({@code durable}, as the node runs) or none (the
   * pipeline's CPU cost without the disk's latency).
   */
  private Result run(Workload workload, boolean durable) throws Exception {
    Path directory = Files.createTempDirectory("citrate-devnet-throughput");
    System.out.printf("%n== %s transfers, %s: store %s%n", workload, durable ? "durable writes" : "no fsync",
        directory);
    List<byte[]> signed = this.signed.computeIfAbsent(workload, w -> new ArrayList<>());
    long signStart = System.nanoTime();
    int initially = signed.size();
    sign(workload, signed, Math.max(4_000, 2 * maxTransactions));
    double signingRate = (signed.size() - initially) * 1e9 / (System.nanoTime() - signStart);
    if (signed.size() > initially) {
      System.out.printf("signed %,d transactions in advance (%.0f/s on %d cores)%n", signed.size(), signingRate,
          Runtime.getRuntime().availableProcessors());
    }
    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, durable)) {
      Devnet devnet = new Devnet(spec, VALIDATOR, store, ProductionSettings.Mode.OFF, 1_000, maxTransactions);
      Driver driver = new Driver(devnet, signed, submitters);

      driver.start();
      long warmUpStart = System.nanoTime();
      sleepUntil(warmUpStart + warmUpSeconds * 1_000_000_000L, driver);
      driver.stop();
      List<Committed> warmBlocks = driver.blocksSince(warmUpStart + warmUpSeconds * 500_000_000L);
      double warmRate = rate(warmBlocks, warmUpStart + warmUpSeconds * 500_000_000L);
      System.out.printf("warm-up: %,d blocks, %.0f transfers/s over its second half%n", driver.blocks.size(),
          warmRate);

      // What the pool holds at the start is committed during the period too.
      int needed = (int) Math.min(MAX_SIGNED,
          driver.submittedUpTo() + POOL_HIGH_WATER + Math.max(20_000, warmRate * seconds * 1.5));
      if (needed > signed.size()) {
        sign(workload, signed, needed);
        System.out.printf("signed up to %,d transactions in all%n", signed.size());
      }
      System.gc();

      Map<String, long[]> before = driver.snapshot();
      long startHead = devnet.node().status().headNumber();
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      driver.start();
      sleepUntil(end, driver);
      long stop = Math.min(end, System.nanoTime());
      Map<String, long[]> after = driver.snapshot();
      driver.stop();

      List<Committed> blocks = driver.blocksSince(start).stream().filter(b -> b.nanos() <= stop).toList();
      long transactions = blocks.stream().mapToLong(Committed::transactions).sum();
      verifyCommitted(store, startHead, blocks, transactions);
      double elapsed = (stop - start) / 1e9;
      List<Double> windows = windowRates(blocks, start, stop);
      Map<String, double[]> stages = stageCosts(before, after, transactions);
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      long heapMiB = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
      Result result = new Result(workload, durable, transactions, elapsed, blocks.size(), median(windows), windows,
          stages, after.get("admit")[2] - before.get("admit")[2], driver.rejectionCounts(), driver.pauses.sum(),
          driver.slotsLost.sum(), heapMiB, directorySize(directory) >> 20, driver.ranOut,
          baselines.computeIfAbsent(workload, w -> executionBaseline(w, signed)));
      System.out.printf("%s%s: %,d transfers in %,d blocks over %.1f s: %.0f/s (median of 10 s windows %.0f/s);"
              + " µs per transfer, wall (CPU): admission %s, building %s, import %s, head and pool update %s;"
              + " rejections %s; load average %s%n",
          workload, durable ? "" : " (no fsync)", transactions, blocks.size(), elapsed, result.rate(),
          result.medianWindowRate(), cost(stages.get("admit")), cost(stages.get("build")), cost(stages.get("import")),
          cost(stages.get("committed")), result.rejections(), loadAverage());
      devnet.node().disconnect();
      return result;
    } finally {
      deleteRecursively(directory);
    }
  }

  private static String cost(double[] stage) {
    return String.format("%.0f (%.0f)", stage[0], stage[1]);
  }

  /** The machine's 1-minute load average: other work competing for the cores shows in wall-clock rates. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void sleepUntil(long deadline, Driver driver) throws InterruptedException {
    while (System.nanoTime() < deadline && !driver.exhausted()) {
      Thread.sleep(Math.max(1, Math.min(200, (deadline - System.nanoTime()) / 1_000_000)));
    }
  }

  /**
   * Checks the blocks the producer saw committed against the acceptance records in the store. (Not through
   * {@code Node.chainBlock}, which decodes the block's whole body again for each of its transactions.)
   */
  private static void verifyCommitted(KeyValueStoreReader store, long startHead, List<Committed> blocks,
      long transactions) {
    long fromChain = 0;
    long number = startHead;
    for (Committed block : blocks) {
      if (block.number() != ++number) {
        throw new IllegalStateException("block " + block.block() + " is chain block " + block.number() + ", expected "
            + number);
      }
      fromChain += ChainStore.acceptance(store, block.block()).orElseThrow().accepted().size();
    }
    if (fromChain != transactions) {
      throw new IllegalStateException("the chain accepted " + fromChain + " transactions in the measured blocks, the"
          + " producer counted " + transactions);
    }
  }

  /**
   * Submitter threads (each its own senders, in nonce order) admitting through the node's ingress, and one
   * producer thread building and importing blocks back to back while the pool holds transactions.
   */
  private final class Driver {
    final Devnet devnet;
    final List<byte[]> signed;
    final int threads;
    final int[] next;
    final Stage admit = new Stage();
    final Stage build = new Stage();
    final Stage importing = new Stage();
    final Stage committing = new Stage();
    final LongAdder pauses = new LongAdder();
    final LongAdder slotsLost = new LongAdder();
    final Map<RejectionReason, LongAdder> rejections = new ConcurrentHashMap<>();
    final List<Committed> blocks = new ArrayList<>();
    volatile boolean running;
    volatile boolean ranOut;
    volatile int submittersDone;
    List<Thread> workers = List.of();

    Driver(Devnet devnet, List<byte[]> signed, int threads) {
      this.devnet = devnet;
      this.signed = signed;
      this.threads = threads;
      next = new int[threads];
      for (int i = 0; i < threads; i++) {
        next[i] = i;
      }
    }

    void start() {
      running = true;
      ranOut = false;
      submittersDone = 0;
      List<Thread> started = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        started.add(new Thread(() -> submit(thread), "submitter-" + i));
      }
      started.add(new Thread(this::produce, "producer"));
      started.forEach(Thread::start);
      workers = started;
    }

    /** Stops submitting and producing (the block being built is finished) and waits for every thread. */
    void stop() throws InterruptedException {
      running = false;
      for (Thread worker : workers) {
        worker.join();
      }
    }

    boolean exhausted() {
      return submittersDone == threads && devnet.pool().status().pending() == 0;
    }

    int submittedUpTo() {
      return Arrays.stream(next).max().orElse(0);
    }

    private void submit(int thread) {
      int index = next[thread];
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      try {
        while (running && index < signed.size()) {
          if ((index / threads) % 64 == 0 && devnet.node().poolSize() >= POOL_HIGH_WATER) {
            pauses.increment();
            sleepQuietly(1);
            continue;
          }
          long t0 = System.nanoTime();
          Admission admission = devnet.node().admit(signed.get(index));
          admit.nanos.add(System.nanoTime() - t0);
          admit.count.increment();
          if (admission instanceof Admission.Rejected rejected) {
            rejections.computeIfAbsent(rejected.reason(), reason -> new LongAdder()).increment();
          }
          index += threads;
          if ((index / threads) % 256 == 0) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            admit.cpuNanos.add(cpu - cpuStart);
            cpuStart = cpu;
          }
        }
      } finally {
        admit.cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
        next[thread] = index;
        if (index >= signed.size()) {
          ranOut = true;
        }
        synchronized (this) {
          submittersDone++;
        }
      }
    }

    private void produce() {
      while (running) {
        if (devnet.pool().status().pending() == 0) {
          sleepQuietly(1);
          continue;
        }
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Optional<BlockImport.Arrival> arrival = devnet.producer().build();
        long t1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        if (arrival.isEmpty()) {
          slotsLost.increment();
          continue;
        }
        List<BlockOutcome> outcomes = devnet.importer().importBlock(arrival.get());
        long t2 = System.nanoTime();
        long cpu2 = THREADS.getCurrentThreadCpuTime();
        devnet.node().committed(outcomes);
        long t3 = System.nanoTime();
        long cpu3 = THREADS.getCurrentThreadCpuTime();
        if (!(outcomes.get(0) instanceof BlockOutcome.Accepted)) {
          throw new IllegalStateException("the produced block was not accepted: " + outcomes.get(0));
        }
        int count = arrival.get().transactions().size();
        add(build, t1 - t0, cpu1 - cpu0, count);
        add(importing, t2 - t1, cpu2 - cpu1, count);
        add(committing, t3 - t2, cpu3 - cpu2, count);
        Hash block = arrival.get().header().hash();
        NodeStatus status = devnet.node().status();
        if (!status.head().equals(block)) {
          throw new IllegalStateException("block " + block + " was accepted but the head is " + status.head());
        }
        synchronized (blocks) {
          blocks.add(new Committed(t3, block, status.headNumber(), count));
        }
      }
    }

    private static void add(Stage stage, long nanos, long cpuNanos, int count) {
      stage.nanos.add(nanos);
      stage.cpuNanos.add(cpuNanos);
      stage.count.add(count);
    }

    Map<String, long[]> snapshot() {
      return Map.of("admit", admit.snapshot(), "build", build.snapshot(), "import", importing.snapshot(),
          "committed", committing.snapshot());
    }

    List<Committed> blocksSince(long nanos) {
      synchronized (blocks) {
        return blocks.stream().filter(block -> block.nanos() >= nanos).toList();
      }
    }

    Map<RejectionReason, Long> rejectionCounts() {
      Map<RejectionReason, Long> counts = new EnumMap<>(RejectionReason.class);
      rejections.forEach((reason, count) -> counts.put(reason, count.sum()));
      return counts;
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double rate(List<Committed> blocks, long since) {
    if (blocks.isEmpty()) {
      return 0;
    }
    long transactions = blocks.stream().mapToLong(Committed::transactions).sum();
    return transactions * 1e9 / Math.max(1, blocks.get(blocks.size() - 1).nanos() - since);
  }

  /** Transfers per second in each whole 10-second window of the measured period. */
  private static List<Double> windowRates(List<Committed> blocks, long start, long stop) {
    List<Double> rates = new ArrayList<>();
    long window = 10_000_000_000L;
    for (long from = start; from + window <= stop; from += window) {
      long lo = from;
      long hi = from + window;
      long transactions = blocks.stream().filter(b -> b.nanos() >= lo && b.nanos() < hi)
          .mapToLong(Committed::transactions).sum();
      rates.add(transactions / 10.0);
    }
    return rates;
  }

  /**
   * Per stage: wall-clock and thread CPU µs per transaction (admitted ones for admission, those in the produced
   * blocks for the producer's stages), and the count.
   */
  private static Map<String, double[]> stageCosts(Map<String, long[]> before, Map<String, long[]> after,
      long committed) {
    Map<String, double[]> costs = new LinkedHashMap<>();
    for (String stage : List.of("admit", "build", "import", "committed")) {
      long nanos = after.get(stage)[0] - before.get(stage)[0];
      long cpu = after.get(stage)[1] - before.get(stage)[1];
      long count = after.get(stage)[2] - before.get(stage)[2];
      costs.put(stage, new double[] {nanos / 1e3 / Math.max(1, count), cpu / 1e3 / Math.max(1, count), count});
    }
    return costs;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Sender recovery and the execution baseline

  /**
   * The baseline: the workload's first transactions (senders already recovered) executed in blocks of the run's
   * size through the VM on an in-memory store, each block on the last one's state root; median of five rounds
   * after two warm-ups, in transactions per second.
   */
  private double executionBaseline(Workload workload, List<byte[]> signed) {
    int count = 4 * BASELINE_BLOCK;
    if (signed.size() < count) {
      sign(workload, signed, count);
    }
    List<Transaction> transactions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      transactions.add(TransactionDecoder.decode(signed.get(i)));
    }
    List<Double> rates = new ArrayList<>();
    for (int round = 0; round < 7; round++) {
      MemoryKeyValueStore store = new MemoryKeyValueStore();
      BlockProcessorComponent vm = new BlockProcessorComponent(store, new WhiteboardPrecompileRegistry());
      WriteBatch genesis = new WriteBatch();
      Hash root = vm.genesis(spec.allocation(), genesis);
      store.commit(genesis);
      long start = System.nanoTime();
      for (int from = 0, number = 1; from < count; from += BASELINE_BLOCK, number++) {
        List<Transaction> block = transactions.subList(from, Math.min(count, from + BASELINE_BLOCK));
        BlockEnvironment environment = new BlockEnvironment(VALIDATOR.publicKey().toAddress(), number,
            spec.genesisTimestamp() + number * 1_000L, GAS_LIMIT, Wei.ofGwei(1), Hash.ZERO, 0, spec.chainId(),
            n -> Hash.ZERO);
        WriteBatch batch = new WriteBatch();
        BlockExecutionResult result;
        try {
          result = vm.execute(root, environment, block, batch);
        } catch (PrecompileUnavailableException e) {
          throw new IllegalStateException(e);
        }
        if (!result.skipped().isEmpty() || result.receipts().stream().anyMatch(r -> !r.success())) {
          throw new IllegalStateException(workload + " baseline: a transaction failed or was skipped");
        }
        store.commit(batch);
        root = result.stateRoot();
      }
      if (round >= 2) {
        rates.add(count * 1e9 / (System.nanoTime() - start));
      }
    }
    double median = median(rates);
    System.out.printf("%s baseline, pure execution of %,d transactions in blocks of %,d (memory store): %.0f/s%n",
        workload, count, BASELINE_BLOCK, median);
    return median;
  }

  /** µs per sender recovery on one thread, and recoveries per second on two. */
  private static double[] senderRecovery(List<byte[]> signed) throws Exception {
    int count = Math.min(signed.size(), 20_000);
    List<Transaction> transactions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      transactions.add(TransactionDecoder.decode(signed.get(i)));
    }
    Address sink = null;
    for (int i = 0; i < 2_000; i++) {
      sink = Secp256k1.recoverAddress(transactions.get(i).signingHash(), transactions.get(i).signature());
    }
    long start = System.nanoTime();
    for (Transaction transaction : transactions) {
      sink = Secp256k1.recoverAddress(transaction.signingHash(), transaction.signature());
    }
    double serialMicros = (System.nanoTime() - start) / 1e3 / count;
    start = System.nanoTime();
    for (byte[] encoded : signed.subList(0, count)) {
      sink = TransactionDecoder.decode(encoded).sender();
    }
    double decodeMicros = (System.nanoTime() - start) / 1e3 / count;
    Thread[] pair = new Thread[2];
    start = System.nanoTime();
    for (int t = 0; t < 2; t++) {
      int first = t;
      pair[t] = new Thread(() -> {
        for (int i = first; i < count; i += 2) {
          Secp256k1.recoverAddress(transactions.get(i).signingHash(), transactions.get(i).signature());
        }
      });
      pair[t].start();
    }
    for (Thread thread : pair) {
      thread.join();
    }
    double parallelRate = count * 1e9 / (System.nanoTime() - start);
    if (sink == null) {
      throw new IllegalStateException();
    }
    return new double[] {serialMicros, decodeMicros, parallelRate};
  }

  // ---------------------------------------------------------------------------------------------------------
  // The report

  /**
   * The node's handling of one committed block ({@code NodeService.committed}: head move, pool update, events)
   * for blocks of growing size, on a fresh node without fsync: µs per block and per transaction.
   */
  private void blockSizeProbe() throws Exception {
    Path directory = Files.createTempDirectory("citrate-devnet-probe");
    List<byte[]> transfers = signed.get(Workload.ETH);
    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, false)) {
      Devnet devnet = new Devnet(spec, VALIDATOR, store, ProductionSettings.Mode.OFF, 1_000, 1_000);
      int next = 0;
      for (int size : new int[] {10, 10, 25, 50, 100, 200}) {
        for (int end = next + size; next < end; next++) {
          if (!devnet.node().admit(transfers.get(next)).isAccepted()) {
            throw new IllegalStateException("probe transaction " + next + " refused");
          }
        }
        BlockImport.Arrival arrival = devnet.producer().build().orElseThrow();
        long t0 = System.nanoTime();
        List<BlockOutcome> outcomes = devnet.importer().importBlock(arrival);
        long t1 = System.nanoTime();
        devnet.node().committed(outcomes);
        long t2 = System.nanoTime();
        System.out.printf("block of %d transfers: import %.1f ms, head and pool update %.1f ms (%.0f µs per"
                + " transfer)%n", arrival.transactions().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
            (t2 - t1) / 1e3 / arrival.transactions().size());
      }
      devnet.node().disconnect();
    } finally {
      deleteRecursively(directory);
    }
  }

  private void report() throws Exception {
    System.out.println();
    blockSizeProbe();
    double[] recovery = senderRecovery(signed.get(Workload.ETH));
    System.out.printf("%nsender recovery: %.1f µs on one thread (decoding with recovery %.1f µs), %.0f/s on two"
        + " threads%n", recovery[0], recovery[1], recovery[2]);

    System.out.println();
    System.out.println("| workload | store | committed transfers/s | median 10 s window | of 10,000/s goal | blocks/s"
        + " | transfers/block | pure execution tx/s |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf("| %s | %s | %,.0f | %,.0f | %.2f%% | %.2f | %,.1f | %,.0f |%n", r.workload(),
          r.durable() ? "durable" : "no fsync", r.rate(), r.medianWindowRate(), 100 * r.rate() / GOAL,
          r.blocks() / r.seconds(), (double) r.transactions() / r.blocks(), r.executionRate());
    }
    System.out.println();
    System.out.println("µs per committed transfer, wall-clock (thread CPU):");
    System.out.println("| workload | store | admission (ingress) | of which sender recovery"
        + " | block building (execution)"
        + " | import (consensus + commit) | head and pool update | producer thread busy |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Result r : results) {
      Map<String, double[]> s = r.stages();
      double producerWall = s.get("build")[0] + s.get("import")[0] + s.get("committed")[0];
      System.out.printf("| %s | %s | %.1f (%.1f) | %.1f | %.1f (%.1f) | %.1f (%.1f) | %.1f (%.1f) | %.0f%% |%n",
          r.workload(), r.durable() ? "durable" : "no fsync", s.get("admit")[0], s.get("admit")[1], recovery[0],
          s.get("build")[0], s.get("build")[1],
          s.get("import")[0], s.get("import")[1], s.get("committed")[0], s.get("committed")[1],
          100 * producerWall * r.transactions() / 1e6 / r.seconds());
    }
    System.out.println();
    for (Result r : results) {
      Map<String, double[]> s = r.stages();
      double cpu = s.get("admit")[1] + s.get("build")[1] + s.get("import")[1] + s.get("committed")[1];
      double producer = s.get("build")[1] + s.get("import")[1] + s.get("committed")[1];
      double withoutUpdate = producer - s.get("committed")[1];
      System.out.printf("%s, %s: %.0f µs of CPU per transfer in the node's threads; blocks are produced and"
              + " committed on one thread, whose %.0f µs per transfer allow at most %,.0f/s (%.0f µs and %,.0f/s"
              + " without the head and pool update), and admission's %.0f µs at most %,.0f/s on the other core;"
              + " windows %s; %,d admitted, rejections %s, %,d pauses for a full pool, %,d lost slots; heap after GC"
              + " %,d MiB, store %,d MiB%s%n",
          r.workload(), r.durable() ? "durable" : "no fsync", cpu, producer, 1e6 / producer, withoutUpdate,
          1e6 / withoutUpdate, s.get("admit")[1], 1e6 / s.get("admit")[1],
          r.windowRates().stream().map(v -> String.format("%.0f", v)).toList(), r.admitted(), r.rejections(),
          r.pausesForFullPool(), r.slotsLost(), r.heapMiB(), r.storeMiB(),
          r.ranOut() ? "; RAN OUT OF SIGNED TRANSACTIONS" : "");
      Map<String, Double> shares = new LinkedHashMap<>();
      shares.put("admission", s.get("admit")[1]);
      shares.put("block building", s.get("build")[1]);
      shares.put("import", s.get("import")[1]);
      shares.put("head and pool update", s.get("committed")[1]);
      String where = shares.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .map(e -> String.format("%s %.0f%%", e.getKey(), 100 * e.getValue() / cpu)).reduce((a, b) -> a + ", " + b)
          .orElse("");
      System.out.printf("  where the CPU goes: %s; sender recovery alone is %.0f%% of it%n", where,
          100 * recovery[0] / cpu);
    }
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static long directorySize(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
