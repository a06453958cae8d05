package io.citrate.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sends one JSON-RPC request over and over on a fixed number of keep-alive connections, one thread each, and
 * checks every response. Closed loop: each thread sends its next request as soon as the last is answered, for a
 * fixed time, which gives the highest rate the server sustains. Open loop: requests are scheduled at a fixed rate
 * and each latency is measured from its scheduled send time, not from when a free connection sent it, so a server
 * that falls behind shows its queueing delay (no coordinated omission); requests still unsent when the run's grace
 * period ends are counted as such.
 */
final class LoadGenerator {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final Supplier<HttpConnection> connections;
  private final int concurrency;
  private final LongSupplier serverCpuNanos;

  /**
   * @param serverCpuNanos the CPU time the server's processes have used so far, or -1 where it cannot be read
   */
  LoadGenerator(Supplier<HttpConnection> connections, int concurrency, LongSupplier serverCpuNanos) {
    this.connections = connections;
    this.concurrency = concurrency;
    this.serverCpuNanos = serverCpuNanos;
  }

  /** A run's request count, failures and CPU time, on the client and the server. */
  record Counts(long requests, long errors, Optional<String> firstError, double seconds, long clientCpuNanos,
      long serverCpuNanos) {
    double rate() {
      return requests / seconds;
    }

    /** CPU per answered request, in microseconds; NaN where unknown. */
    double clientCpuMicros() {
      return requests == 0 ? Double.NaN : clientCpuNanos / 1e3 / requests;
    }

    double serverCpuMicros() {
      return requests == 0 || serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / 1e3 / requests;
    }
  }

  /** An open-loop run: its counts, the requests scheduled and left unsent, and the sorted latencies. */
  record OpenLoop(int rate, long scheduled, long unsent, Counts counts, long[] sortedLatencyNanos) {
    /** The latency at quantile {@code q} (0 to 1) in milliseconds, NaN if nothing was answered. */
    double percentileMillis(double q) {
      if (sortedLatencyNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(q * sortedLatencyNanos.length) - 1;
      return sortedLatencyNanos[Math.max(0, Math.min(index, sortedLatencyNanos.length - 1))] / 1e6;
    }

    /** Whether the server kept up: every scheduled request was sent before the grace period ended. */
    boolean keptUp() {
      return unsent == 0;
    }
  }

  /** Sends {@code body} back to back on every connection for {@code seconds}. */
  Counts closedLoop(byte[] body, ResponseCheck check, double seconds) throws InterruptedException {
    Tally tally = new Tally();
    long durationNanos = (long) (seconds * 1e9);
    return run(tally, (connection, start) -> {
      while (System.nanoTime() - start < durationNanos) {
        send(connection, body, check, tally);
      }
    });
  }

  /**
   * Schedules {@code rate × seconds} requests at a fixed interval; a request may be sent late (all connections
   * busy) but not later than {@code seconds} after the last scheduled time.
   */
  OpenLoop openLoop(byte[] body, ResponseCheck check, int rate, double seconds) throws InterruptedException {
    Tally tally = new Tally();
    long scheduled = Math.round(rate * seconds);
    long lastSendNanos = (long) (2 * seconds * 1e9);
    AtomicLong next = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    LongAdder sent = new LongAdder();
    Counts counts = run(tally, (connection, start) -> {
      LatencyList own = new LatencyList();
      while (true) {
        long index = next.getAndIncrement();
        if (index >= scheduled) {
          break;
        }
        long sendAt = start + index * 1_000_000_000L / rate;
        for (long wait = sendAt - System.nanoTime(); wait > 0; wait = sendAt - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        if (System.nanoTime() - start > lastSendNanos) {
          break;
        }
        sent.increment();
        send(connection, body, check, tally);
        own.add(System.nanoTime() - sendAt);
      }
      synchronized (latencies) {
        latencies.add(own.toArray());
      }
    });
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new OpenLoop(rate, scheduled, scheduled - sent.sum(), counts, all);
  }

  private static void send(HttpConnection connection, byte[] body, ResponseCheck check, Tally tally) {
    try {
      Optional<String> problem = check.problem(connection.post(body));
      if (problem.isPresent()) {
        tally.error(problem.get());
      } else {
        tally.answered.increment();
      }
    } catch (IOException e) {
      tally.error(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** What one thread does with its connection in a run that starts at {@code start} (System.nanoTime). */
  private interface Work {
    void on(HttpConnection connection, long start);
  }

  /** Runs one thread per connection, all started before the clock starts. */
  private Counts run(Tally tally, Work work) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(concurrency);
    CountDownLatch go = new CountDownLatch(1);
    long[] start = new long[1];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Thread thread = new Thread(() -> {
        try (HttpConnection connection = connections.get()) {
          ready.countDown();
          go.await();
          work.on(connection, start[0]);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "rpc-load-" + i);
      threads.add(thread);
      thread.start();
    }
    ready.await();
    long clientCpuBefore = OS.getProcessCpuTime();
    long serverCpuBefore = serverCpuNanos.getAsLong();
    // Written before the latch opens, so every thread reads it after go.await().
    start[0] = System.nanoTime();
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    long end = System.nanoTime();
    long serverCpuAfter = serverCpuNanos.getAsLong();
    long clientCpu = OS.getProcessCpuTime() - clientCpuBefore;
    long serverCpu = serverCpuBefore < 0 || serverCpuAfter < 0 ? -1 : serverCpuAfter - serverCpuBefore;
    return new Counts(tally.answered.sum(), tally.errors.sum(), Optional.ofNullable(tally.firstError.get()),
        (end - start[0]) / 1e9, clientCpu, serverCpu);
  }

  /** Answers and failures, counted by all threads. */
  private static final class Tally {
    final LongAdder answered = new LongAdder();
    final LongAdder errors = new LongAdder();
    final AtomicReference<String> firstError = new AtomicReference<>();

    void error(String problem) {
      errors.increment();
      firstError.compareAndSet(null, problem);
    }
  }

  /** A growable array of latencies, one per thread. */
  private static final class LatencyList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
