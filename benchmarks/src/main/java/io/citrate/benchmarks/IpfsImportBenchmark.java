package io.citrate.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.citrate.benchmarks.IpfsBenchmarkInput.SmallFile;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.unixfs.DirectoryImporter;
import io.citrate.ipfs.internal.unixfs.FileImporter;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

/**
 * Import throughput of Citrate's UnixFS importer, as {@code ipfs add} with Kubo's defaults (CIDv0) and with
 * {@code --cid-version=1}: one large file streamed from {@link IpfsBenchmarkInput} (never held whole), and a flat
 * directory of small files (1 to 8 KiB each, a HAMT shard above a few thousand). A harness rather than a JMH class
 * because one measurement is a whole import. Blocks go to {@link BlockSink#DISCARD} (ids only, what Kubo's
 * {@code --only-hash} or a black-hole blockstore does) or, with sink {@code store}, into a {@link KeyValueBlockstore}
 * over a {@link MemoryKeyValueStore} through its batching writer.
 *
 * <p>In the same run, with sink {@code discard}: the generator alone and single-threaded {@code MessageDigest}
 * SHA-256 over the same bytes in 256 KiB pieces (the machine's limit for this work: every content byte is hashed
 * once), the same on as many threads as there are processors (the limit of an importer that hashes on every
 * core), and, for each version, the heap the import keeps alive at a quarter of the size and at the whole size,
 * which must not differ (memory flat in the file size). The measured runs report the peak of the heap pools, garbage
 * included, which {@code -Xmx} and the collector's sizing bound rather than the import.
 *
 * <p>Prints {@code RESULT}, {@code BASELINE} and {@code HEAP} lines that {@code ipfs-bench.sh} tabulates beside
 * {@code peers/ipfs-importer/import-throughput.mjs}, which prints the same root ids.
 *
 * <p>Usage: {@code IpfsImportBenchmark discard|store [file bytes (1 GiB)] [small files (10000)] [runs (5)]
 * [warm-ups (1)]}
 */
public final class IpfsImportBenchmark {
  private static final int MIB = 1024 * 1024;
  private static final int HASHED_PIECE = ImportOptions.DEFAULT_CHUNK_SIZE;

  private final boolean store;
  private final int runs;
  private final int warmUps;
  private final HeapWatch heap = new HeapWatch();
  private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private IpfsImportBenchmark(boolean store, int runs, int warmUps) {
    this.store = store;
    this.runs = runs;
    this.warmUps = warmUps;
  }

  /** One whole import, its blocks put into {@code sink}. */
  private interface Import {
    ImportResult run(BlockSink sink) throws IOException;
  }

  private record Measurement(ImportResult result, long nanos, long cpuNanos, HeapWatch.Reading heap) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || !Set.of("discard", "store").contains(args[0])) {
      System.err.println("usage: IpfsImportBenchmark discard|store [file bytes] [small files] [runs] [warm-ups]");
      System.exit(2);
    }
    boolean store = args[0].equals("store");
    long fileBytes = args.length > 1 ? Long.parseLong(args[1]) : 1024L * MIB;
    int smallFiles = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    int warmUps = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    IpfsImportBenchmark benchmark = new IpfsImportBenchmark(store, runs, warmUps);
    String sink = store ? "store" : "discard";

    if (fileBytes > 0) {
      IpfsBenchmarkInput input = new IpfsBenchmarkInput(IpfsBenchmarkInput.LARGE_SEED);
      if (!store) {
        benchmark.baselines(input, fileBytes);
      }
      for (int cidVersion : new int[] {0, 1}) {
        ImportOptions options = ImportOptions.kubo(cidVersion);
        Import file = sinkTo -> new FileImporter(options, sinkTo).importFile(input.open(fileBytes));
        benchmark.measure("subject=large cid=" + cidVersion + " sink=" + sink, fileBytes, file);
        if (!store) {
          for (long size : new long[] {fileBytes / 4, fileBytes}) {
            System.out.printf(Locale.ROOT, "HEAP side=java subject=large cid=%d bytes=%d retained_mib=%.2f%n",
                cidVersion, size, retainedHeap(options, input, size) / (double) MIB);
          }
        }
      }
    }
    if (smallFiles > 0) {
      List<SmallFile> files = IpfsBenchmarkInput.smallFiles(smallFiles);
      long bytes = files.stream().mapToLong(file -> file.content().length).sum();
      for (int cidVersion : new int[] {0, 1}) {
        ImportOptions options = ImportOptions.kubo(cidVersion);
        Import directory = sinkTo -> {
          DirectoryImporter importer = new DirectoryImporter(options, sinkTo);
          for (SmallFile file : files) {
            importer.addFile(file.name(), new ByteArrayInputStream(file.content()));
          }
          return importer.finish();
        };
        benchmark.measure("subject=small cid=" + cidVersion + " sink=" + sink + " files=" + smallFiles, bytes,
            directory);
      }
    }
  }

  /** Warm-ups, then the measured runs, one RESULT line each; every run must give the same root. */
  private void measure(String label, long bytes, Import work) throws IOException {
    for (int i = 0; i < warmUps; i++) {
      measureOnce(work);
    }
    Cid root = null;
    for (int run = 1; run <= runs; run++) {
      Measurement measurement = measureOnce(work);
      ImportResult result = measurement.result();
      if (result.contentBytes() != bytes) {
        throw new IllegalStateException(label + ": imported " + result.contentBytes() + " bytes of " + bytes);
      }
      if (root != null && !root.equals(result.root())) {
        throw new IllegalStateException(label + ": the root changed between runs");
      }
      root = result.root();
      System.out.printf(Locale.ROOT, "RESULT side=java %s run=%d bytes=%d seconds=%.3f mibs=%.1f cpu_seconds=%.3f "
              + "blocks=%d heap_peak_mib=%.1f gcs=%d root=%s%n", label, run, bytes,
          measurement.nanos() / 1e9, bytes / (double) MIB / (measurement.nanos() / 1e9),
          measurement.cpuNanos() / 1e9, result.blocks(), measurement.heap().peakMib(),
          measurement.heap().collections(), root);
    }
  }

  /**
   * One import from a collected heap. With sink {@code store} the block store is new for each import (made before
   * the clock starts) and the writer's final commit is timed; the root must then be in the store.
   */
  private Measurement measureOnce(Import work) throws IOException {
    KeyValueBlockstore blockstore = store ? new KeyValueBlockstore(new MemoryKeyValueStore()) : null;
    heap.start();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    ImportResult result;
    if (blockstore != null) {
      try (KeyValueBlockstore.BlockWriter writer = blockstore.writer()) {
        result = work.run(writer);
      }
    } else {
      result = work.run(BlockSink.DISCARD);
    }
    long nanos = System.nanoTime() - start;
    long cpuNanos = os.getProcessCpuTime() - cpuStart;
    HeapWatch.Reading reading = heap.stop();
    if (blockstore != null && !blockstore.has(result.root())) {
      throw new IllegalStateException("the root " + result.root() + " is not in the block store after the import");
    }
    return new Measurement(result, nanos, cpuNanos, reading);
  }

  /**
   * The heap an import of {@code size} bytes keeps alive, the most over its course: the input stream collects the
   * heap at every eighth of the content, while the importer's state is live and its garbage is not, and the largest
   * heap in use less the heap before the import is returned. Not timed: the collections take time.
   */
  private static long retainedHeap(ImportOptions options, IpfsBenchmarkInput input, long size) throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    long[] largest = {before};
    long interval = Math.max(1, size / 8);
    InputStream probed = new FilterInputStream(input.open(size)) {
      private long position;
      private long nextProbe = interval;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] target, int offset, int length) throws IOException {
        int n = in.read(target, offset, length);
        if (n > 0) {
          position += n;
          while (position >= nextProbe) {
            System.gc();
            largest[0] = Math.max(largest[0], memory.getHeapMemoryUsage().getUsed());
            nextProbe += interval;
          }
        }
        return n;
      }
    };
    new FileImporter(options, BlockSink.DISCARD).importFile(probed);
    return largest[0] - before;
  }

  /**
   * The generator alone, SHA-256 of each 256 KiB piece of the same stream on one thread with only the digest timed,
   * and the same on every processor: the median of {@code runs} passes each.
   */
  private void baselines(IpfsBenchmarkInput input, long bytes) throws IOException {
    byte[] piece = new byte[HASHED_PIECE];
    double[] generator = new double[runs];
    double[] oneThread = new double[runs];
    MessageDigest digest = sha256();
    for (int run = -warmUps; run < runs; run++) {
      long start = System.nanoTime();
      try (InputStream in = input.open(bytes)) {
        int n;
        do {
          n = in.readNBytes(piece, 0, piece.length);
        } while (n > 0);
      }
      long generatorNanos = System.nanoTime() - start;
      long hashNanos = 0;
      try (InputStream in = input.open(bytes)) {
        int n;
        while ((n = in.readNBytes(piece, 0, piece.length)) > 0) {
          long hashStart = System.nanoTime();
          digest.update(piece, 0, n);
          digest.digest();
          hashNanos += System.nanoTime() - hashStart;
        }
      }
      if (run >= 0) {
        generator[run] = bytes / (double) MIB / (generatorNanos / 1e9);
        oneThread[run] = bytes / (double) MIB / (hashNanos / 1e9);
      }
    }
    System.out.printf(Locale.ROOT, "BASELINE side=java what=generator bytes=%d mibs=%.1f%n", bytes, median(generator));
    System.out.printf(Locale.ROOT, "BASELINE side=java what=sha256-256KiB bytes=%d mibs=%.1f provider=%s%n", bytes,
        median(oneThread), digest.getProvider().getName());
    int threads = Runtime.getRuntime().availableProcessors();
    double[] allCores = new double[runs];
    for (int run = -warmUps; run < runs; run++) {
      long nanos = hashOnEveryCore(input, bytes, threads);
      if (run >= 0) {
        allCores[run] = bytes / (double) MIB / (nanos / 1e9);
      }
    }
    System.out.printf(Locale.ROOT, "BASELINE side=java what=sha256-256KiB-%d-threads bytes=%d mibs=%.1f%n", threads,
        bytes, median(allCores));
  }

  /**
   * The wall-clock time of {@code threads} threads hashing a share each of the stream's first {@code bytes} bytes
   * in 256 KiB pieces: the limit for an importer that hashes on every core. Generating the pieces is included here
   * (a copy, a few percent of hashing).
   */
  private static long hashOnEveryCore(IpfsBenchmarkInput input, long bytes, int threads) {
    long pieces = (bytes + HASHED_PIECE - 1) / HASHED_PIECE;
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long first = pieces * t / threads;
      long last = pieces * (t + 1) / threads;
      Thread worker = new Thread(() -> {
        byte[] piece = new byte[HASHED_PIECE];
        MessageDigest digest = sha256();
        await(start);
        for (long index = first; index < last; index++) {
          long offset = index * HASHED_PIECE;
          int n = (int) Math.min(HASHED_PIECE, bytes - offset);
          input.fill(offset, piece, 0, n);
          digest.update(piece, 0, n);
          digest.digest();
        }
      }, "sha256-baseline-" + t);
      worker.start();
      workers.add(worker);
    }
    await(start);
    long begin = System.nanoTime();
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while hashing", e);
      }
    }
    return System.nanoTime() - begin;
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (InterruptedException | BrokenBarrierException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("a hashing thread did not start", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK lacks SHA-256", e);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The heap pools' peak and the collections during one import. */
  private static final class HeapWatch {
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).collect(Collectors.toList());
    private long collectionsAtStart;

    record Reading(long peakBytes, long collections) {
      double peakMib() {
        return peakBytes / (double) MIB;
      }
    }

    void start() {
      System.gc();
      heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
      collectionsAtStart = collections();
    }

    Reading stop() {
      long peak = heapPools.stream().map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
      return new Reading(peak, collections() - collectionsAtStart);
    }

    private static long collections() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
  }
}
