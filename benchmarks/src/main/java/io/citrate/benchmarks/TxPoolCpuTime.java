package io.citrate.benchmarks;

import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionDecoder;
import io.citrate.txpool.internal.PoolSettings;
import io.citrate.txpool.internal.TransactionPoolService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The subjects of {@link TxPoolBenchmark} and {@link TxPoolSelectBenchmark} timed by this thread's CPU time
 * rather than the wall clock, for a machine busy with other work, where JMH's wall-clock scores swing with
 * the load. Each repetition admits the 8,192 transfers into a fresh pool (recovered, and from raw bytes),
 * decodes them alone (the baseline of raw admission), and selects a 30M-gas block from a full pool 100 times;
 * the medians of the repetitions after the warm-ups are printed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.citrate.benchmarks.TxPoolCpuTime [repetitions (7)] [warm-ups (3)]
 * </pre>
 */
public final class TxPoolCpuTime {
  private static final int INPUTS = 8_192;
  private static final int SELECTIONS = 100;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private TxPoolCpuTime() {}

  public static void main(String[] args) {
    int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Transaction[] transactions = TxPoolBenchmark.signed(INPUTS, 512, 1);
    byte[][] encoded = new byte[INPUTS][];
    for (int i = 0; i < INPUTS; i++) {
      encoded[i] = transactions[i].encoded();
    }
    int capacity = PoolSettings.DEFAULT.capacity();
    TransactionPoolService full = TxPoolBenchmark.newPool(capacity);
    for (Transaction transaction : TxPoolBenchmark.signed(capacity, 640, 2)) {
      full.add(transaction);
    }

    List<Double> recovered = new ArrayList<>();
    List<Double> recoveredEvicting = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    List<Double> decode = new ArrayList<>();
    List<Double> select = new ArrayList<>();
    int selected = 0;
    for (int repetition = 0; repetition < warmUps + repetitions; repetition++) {
      boolean kept = repetition >= warmUps;
      long start = cpuNanos();
      TransactionPoolService pool = TxPoolBenchmark.newPool(capacity);
      for (Transaction transaction : transactions) {
        pool.add(transaction);
      }
      record(kept, recovered, cpuNanos() - start, INPUTS);

      start = cpuNanos();
      pool = TxPoolBenchmark.newPool(2_048);
      for (Transaction transaction : transactions) {
        pool.add(transaction);
      }
      record(kept, recoveredEvicting, cpuNanos() - start, INPUTS);

      start = cpuNanos();
      pool = TxPoolBenchmark.newPool(capacity);
      for (byte[] bytes : encoded) {
        pool.addEncoded(bytes);
      }
      record(kept, raw, cpuNanos() - start, INPUTS);

      start = cpuNanos();
      int decoded = 0;
      for (byte[] bytes : encoded) {
        decoded += TransactionDecoder.decode(bytes).nonce() >= 0 ? 1 : 0;
      }
      record(kept, decode, cpuNanos() - start, decoded);

      start = cpuNanos();
      for (int i = 0; i < SELECTIONS; i++) {
        selected = full.selectForBlock(TxPoolBenchmark.BLOCK_GAS_LIMIT, 10_000).size();
      }
      record(kept, select, cpuNanos() - start, SELECTIONS);
    }
    System.out.printf(Locale.ROOT, "CPU time per operation, median of %d repetitions after %d warm-ups%n", repetitions,
        warmUps);
    System.out.printf(Locale.ROOT, "add, sender recovered, capacity 10240 : %9.2f us%n", median(recovered));
    System.out.printf(Locale.ROOT, "add, sender recovered, capacity 2048  : %9.2f us (evicting or refusing once full)%n",
        median(recoveredEvicting));
    System.out.printf(Locale.ROOT, "addEncoded (decode + recovery + add)  : %9.2f us%n", median(raw));
    System.out.printf(Locale.ROOT, "decode alone (baseline)               : %9.2f us%n", median(decode));
    System.out.printf(Locale.ROOT, "selectForBlock, full pool of %d     : %9.2f us (%d transactions chosen)%n",
        full.status().size(), median(select), selected);
  }

  private static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static void record(boolean kept, List<Double> samples, long nanos, int operations) {
    if (kept) {
      samples.add(nanos / 1_000.0 / operations);
    }
  }

  private static double median(List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
