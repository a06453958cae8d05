package io.citrate.benchmarks;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.api.ProposerParameters;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.consensus.api.Validator;
import io.citrate.consensus.internal.ghostdag.BlockWork;
import io.citrate.consensus.internal.ghostdag.GhostdagProtocol;
import io.citrate.consensus.internal.pipeline.BlockProcessor;
import io.citrate.consensus.internal.pipeline.HeaderPreValidation;
import io.citrate.consensus.internal.pipeline.OrphanPool;
import io.citrate.consensus.internal.reachability.KeyValueReachabilityStore;
import io.citrate.consensus.internal.reachability.ReachabilityIndex;
import io.citrate.consensus.internal.reachability.ReachabilityService;
import io.citrate.consensus.internal.reachability.ReachabilityWriter;
import io.citrate.consensus.internal.reachability.ReindexParameters;
import io.citrate.consensus.internal.reachability.StagingReachabilityStore;
import io.citrate.consensus.internal.store.KeyValueGhostdagStore;
import io.citrate.consensus.internal.store.KeyValueRelationsStore;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.vrf.VrfPrivateKey;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import io.citrate.store.internal.XodusKeyValueStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Blocks per second through the whole consensus pipeline (header decoding, signature, VRF proof and
 * lottery, GHOSTDAG, reachability, Xodus with durable writes) on a DAG shaped like a 10 blocks/s network
 * with a 700 ms delay, reported per segment so that growth in per-block cost shows, in two runs over fresh
 * stores fed the encoded headers: {@code processEncoded} one block at a time (one commit per block, the
 * baseline) and {@code processAllEncoded} on batches of {@value #BATCH} (decoding and signatures ahead on
 * a pool of one thread per core, one commit per group). Then GHOSTDAG with the reachability index against
 * GHOSTDAG with ancestry answered by walking the DAG, on the same prefix, in the same run.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.citrate.benchmarks.ConsensusThroughput [blocks]
 * [baseline blocks] [blocks one at a time]}
 */
public final class ConsensusThroughput {
  private static final ConsensusParameters PARAMETERS = ConsensusParameters.DEFAULT;
  private static final KeyPair PRODUCER = KeyPair.of(PrivateKey.fromHex("0x" + "5a".repeat(32)));
  /** The producer holds all stake, so it wins every slot. */
  private static final VrfPrivateKey PRODUCER_VRF = VrfPrivateKey.fromHex("0x" + "a5".repeat(32));
  private static final long GENESIS_TIME = 1_800_000_000_000L;
  private static final int SEGMENTS = 10;
  /** Headers per processAll call, as a sync would hand them over. */
  private static final int BATCH = 1_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ConsensusThroughput() {}

  public static void main(String[] args) throws Exception {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int baselineBlocks = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    int oneAtATimeBlocks = args.length > 2 ? Integer.parseInt(args[2]) : blocks;
    List<SyntheticDag.Block> dag = SyntheticDag.generate(blocks, 10, 700, PARAMETERS.maxBlockParents(), 7);
    ConsensusGenesis genesis = new ConsensusGenesis(1337, PARAMETERS, ProposerParameters.DEFAULT,
        BlockHeader.builder().timestamp(GENESIS_TIME).gasLimit(30_000_000).build(),
        StakeDistribution.of(List.of(new Validator(PRODUCER.address(), PRODUCER_VRF.publicKey(), Wei.ofSalt(1)))));
    System.out.printf("synthetic DAG: %,d blocks, mean %.2f parents%n", blocks,
        dag.stream().mapToInt(block -> block.parents().size()).average().orElse(0));

    // As they come from peers: the timed runs decode them too.
    List<byte[]> headers = signedHeaders(dag, genesis).stream().map(BlockHeader::encode).toList();
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(cores, task -> {
      Thread thread = new Thread(task, "pre-validation");
      thread.setDaemon(true);
      return thread;
    });
    System.out.printf("%d cores, pre-validation pool of %d threads%n", cores, cores);
    if (oneAtATimeBlocks > 0) {
      pipeline("processEncoded, one block at a time", headers.subList(0, Math.min(oneAtATimeBlocks, headers.size())),
          genesis, (processor, batch) -> batch.forEach(header -> requireAccepted(processor.processEncoded(header))));
    }
    pipeline("processAllEncoded, batches of " + BATCH, headers, genesis,
        (processor, batch) -> requireAccepted(processor.processAllEncoded(batch, pool)));
    pool.shutdown();
    baseline(dag.subList(0, Math.min(baselineBlocks + 1, dag.size())));
  }

  /** Signs every header with the blue score and work GHOSTDAG gives it, outside the timed run. */
  private static List<BlockHeader> signedHeaders(List<SyntheticDag.Block> dag, ConsensusGenesis genesis)
      throws BlockRejectedException {
    long start = System.nanoTime();
    BlockProcessor planner = processor(new MemoryKeyValueStore(), genesis);
    Map<Hash, Hash> renamed = new HashMap<>();
    renamed.put(dag.get(0).hash(), genesis.header().hash());
    List<BlockHeader> headers = new ArrayList<>(dag.size() - 1);
    for (int i = 1; i < dag.size(); i++) {
      List<Hash> parents = dag.get(i).parents().stream().map(renamed::get).sorted().toList();
      GhostdagData data = planner.ghostdagFor(parents);
      long timestamp = GENESIS_TIME + 100L * i;
      BlockHeader header = BlockHeader.builder()
          .parents(parents)
          .timestamp(timestamp)
          .blueScore(data.blueScore())
          .blueWork(data.blueWork())
          .gasLimit(30_000_000)
          .producer(PRODUCER.address())
          .vrfProof(planner.slotInput(data.selectedParent(), timestamp).prove(PRODUCER_VRF).proof().toBytes())
          .build()
          .sign(PRODUCER.privateKey());
      requireAccepted(planner.process(header));
      renamed.put(dag.get(i).hash(), header.hash());
      headers.add(header);
    }
    System.out.printf("prepared %,d signed headers in %.1f s (not timed below)%n", headers.size(),
        (System.nanoTime() - start) / 1e9);
    return headers;
  }

  private static void pipeline(String title, List<byte[]> headers, ConsensusGenesis genesis,
      BatchProcessing processing)
      throws IOException {
    Path directory = Files.createTempDirectory("citrate-consensus-bench");
    try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, true)) {
      Runtime runtime = Runtime.getRuntime();
      long heapBefore = usedHeap(runtime);
      BlockProcessor processor = processor(store, genesis);
      int segment = Math.max(BATCH, headers.size() / SEGMENTS / BATCH * BATCH);
      List<Double> rates = new ArrayList<>();
      System.out.println(title + ", blocks/s per segment:");
      long serialCpuStart = THREADS.getCurrentThreadCpuTime();
      long processCpuStart = PROCESS.getProcessCpuTime();
      long totalStart = System.nanoTime();
      long segmentStart = totalStart;
      long segmentSerialCpu = serialCpuStart;
      long segmentProcessCpu = processCpuStart;
      for (int from = 0; from < headers.size(); from += BATCH) {
        int to = Math.min(from + BATCH, headers.size());
        processing.process(processor, headers.subList(from, to));
        if (to % segment == 0 || to == headers.size()) {
          long now = System.nanoTime();
          long serialCpu = THREADS.getCurrentThreadCpuTime();
          long processCpu = PROCESS.getProcessCpuTime();
          int segmentBlocks = (to - 1) % segment + 1;
          rates.add(segmentBlocks / ((now - segmentStart) / 1e9));
          System.out.printf(Locale.ROOT, "  blocks %,7d-%,7d  %,8.0f blocks/s   CPU per block: serial %,5.0f us,"
                  + " process %,5.0f us%n", to - segmentBlocks + 1, to, rates.get(rates.size() - 1),
              (serialCpu - segmentSerialCpu) / 1e3 / segmentBlocks, (processCpu - segmentProcessCpu) / 1e3 / segmentBlocks);
          segmentStart = now;
          segmentSerialCpu = serialCpu;
          segmentProcessCpu = processCpu;
        }
      }
      double seconds = (System.nanoTime() - totalStart) / 1e9;
      double serialMicros = (THREADS.getCurrentThreadCpuTime() - serialCpuStart) / 1e3 / headers.size();
      double processMicros = (PROCESS.getProcessCpuTime() - processCpuStart) / 1e3 / headers.size();
      List<Double> sorted = rates.stream().sorted().toList();
      System.out.printf(Locale.ROOT, "  total: %,d blocks in %.1f s = %,.0f blocks/s; segment median %,.0f blocks/s,"
              + " last/first segment %.2f%n", headers.size(), seconds, headers.size() / seconds,
          sorted.get(sorted.size() / 2), rates.get(rates.size() - 1) / rates.get(0));
      // Wall-clock rates move with whatever else the machine runs; CPU time per block does much less.
      int cores = Runtime.getRuntime().availableProcessors();
      System.out.printf(Locale.ROOT, "  CPU per block: %,.0f us on the calling thread (the serial stage), %,.0f us in"
              + " the whole process; on %d otherwise idle cores that allows at most %,.0f blocks/s%n",
          serialMicros, processMicros, cores, Math.min(1e6 / serialMicros, cores * 1e6 / processMicros));
      System.out.printf(Locale.ROOT, "  heap held by consensus and the store after the run: %,.0f bytes per block;"
              + " on disk: %,.0f bytes per block%n",
          (double) (usedHeap(runtime) - heapBefore) / headers.size(),
          (double) store.statistics().sizeInBytes() / headers.size());
    } finally {
      deleteRecursively(directory);
    }
  }

  /** GHOSTDAG alone on an in-memory store, once with the index's answers and once walking the DAG. */
  private static void baseline(List<SyntheticDag.Block> prefix) throws IOException {
    double indexed = ghostdagRate(prefix, false);
    double walked = ghostdagRate(prefix, true);
    System.out.printf(Locale.ROOT,
        "GHOSTDAG on the first %,d blocks: reachability index %,.0f blocks/s, ancestry by DFS %,.0f blocks/s"
            + " (index %.1fx)%n", prefix.size() - 1, indexed, walked, indexed / walked);
  }

  private static double ghostdagRate(List<SyntheticDag.Block> prefix, boolean walkTheDag) {
    KeyValueStore store = new MemoryKeyValueStore();
    KeyValueGhostdagStore ghostdagStore = new KeyValueGhostdagStore(store);
    KeyValueRelationsStore relations = new KeyValueRelationsStore(store);
    Hash genesis = prefix.get(0).hash();
    ReachabilityService dfs = new WalkingReachability(relations, ghostdagStore);
    IndexedReachability indexed = new IndexedReachability(store);
    ReachabilityService reachability = walkTheDag ? dfs : indexed;
    GhostdagProtocol protocol = new GhostdagProtocol(PARAMETERS, genesis, ghostdagStore, relations, reachability,
        BlockWork.UNIT);
    commit(store, ghostdagStore, relations, walkTheDag ? null : indexed, genesis, List.of(),
        protocol.genesisData(), protocol);
    long start = System.nanoTime();
    for (SyntheticDag.Block block : prefix.subList(1, prefix.size())) {
      GhostdagData data = protocol.ghostdag(block.parents());
      commit(store, ghostdagStore, relations, walkTheDag ? null : indexed, block.hash(), block.parents(), data,
          protocol);
    }
    return (prefix.size() - 1) / ((System.nanoTime() - start) / 1e9);
  }

  private static void commit(KeyValueStore store, KeyValueGhostdagStore ghostdagStore,
      KeyValueRelationsStore relations, IndexedReachability indexed, Hash block, List<Hash> parents,
      GhostdagData data, GhostdagProtocol protocol) {
    WriteBatch batch = new WriteBatch();
    ghostdagStore.insertBatch(batch, block, data);
    relations.insertBatch(batch, block, parents);
    if (indexed != null) {
      indexed.stage(batch, block, data, protocol);
    }
    store.commit(batch);
  }

  private static BlockProcessor processor(KeyValueStore store, ConsensusGenesis genesis) {
    return new BlockProcessor(genesis, store,
        new HeaderPreValidation(PARAMETERS, Long.MAX_VALUE / 4, () -> GENESIS_TIME), new OrphanPool(1_000),
        (block, committed, batch) -> { });
  }

  private static void requireAccepted(List<BlockOutcome> outcomes) {
    for (BlockOutcome outcome : outcomes) {
      if (!(outcome instanceof BlockOutcome.Accepted)) {
        throw new IllegalStateException("synthetic block not accepted: " + outcome);
      }
    }
  }

  private static long usedHeap(Runtime runtime) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** How one run hands a batch of headers to the processor. */
  @FunctionalInterface
  private interface BatchProcessing {
    void process(BlockProcessor processor, List<byte[]> batch);
  }

  /** The naive baseline: every ancestry question walks parents from the descendant. */
  private record WalkingReachability(KeyValueRelationsStore relations, KeyValueGhostdagStore ghostdag)
      implements ReachabilityService {
    @Override
    public boolean isChainAncestorOf(Hash ancestor, Hash descendant) {
      for (Hash current = descendant; ; current = ghostdag.selectedParent(current)) {
        if (current.equals(ancestor)) {
          return true;
        }
        if (relations.parents(current).isEmpty()) {
          return false;
        }
      }
    }

    @Override
    public boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
      Deque<Hash> toVisit = new ArrayDeque<>(List.of(descendant));
      Set<Hash> seen = new HashSet<>();
      long ancestorScore = ghostdag.blueScore(ancestor);
      while (!toVisit.isEmpty()) {
        Hash current = toVisit.pop();
        if (current.equals(ancestor)) {
          return true;
        }
        // Blue score only grows along edges, so nothing below the ancestor's can lead to it.
        if (seen.add(current) && ghostdag.blueScore(current) > ancestorScore) {
          toVisit.addAll(relations.parents(current));
        }
      }
      return false;
    }
  }

  /** The production index, staged into each block's batch as the pipeline does. */
  private static final class IndexedReachability implements ReachabilityService {
    private final KeyValueReachabilityStore store;
    private final ReachabilityIndex index;
    private Hash selectedTip;
    private GhostdagData selectedTipData;

    IndexedReachability(KeyValueStore keyValueStore) {
      this.store = new KeyValueReachabilityStore(keyValueStore, 100_000);
      this.index = new ReachabilityIndex(store);
    }

    void stage(WriteBatch batch, Hash block, GhostdagData data, GhostdagProtocol protocol) {
      StagingReachabilityStore staging = new StagingReachabilityStore(store);
      ReachabilityWriter writer = new ReachabilityWriter(staging, ReindexParameters.DEFAULT);
      if (selectedTip == null) {
        writer.initialize(block);
      } else {
        writer.addBlock(block, data.selectedParent(), protocol.ascendingMergesetWithoutSelectedParent(data));
      }
      int byWork = selectedTip == null ? 1 : data.blueWork().compareTo(selectedTipData.blueWork());
      if (byWork > 0 || (byWork == 0 && block.compareTo(selectedTip) > 0)) {
        if (selectedTip != null) {
          writer.hintVirtualSelectedParent(block);
        }
        selectedTip = block;
        selectedTipData = data;
      }
      staging.commit(batch);
    }

    @Override
    public boolean isChainAncestorOf(Hash ancestor, Hash descendant) {
      return index.isChainAncestorOf(ancestor, descendant);
    }

    @Override
    public boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
      return index.isDagAncestorOf(ancestor, descendant);
    }
  }
}
