package io.citrate.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.MetricRegistry;
import io.citrate.store.api.KeyRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process at a random moment and checks the store it leaves: every acknowledged batch is
 * there in full, and no batch is there in part.
 */
class XodusCrashRecoveryTest {
  @TempDir
  Path directory;

  @Test
  void everyAcknowledgedBatchSurvivesAKillAndNoBatchIsHalfWritten() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long acknowledgedBefore = 0;
    for (int crash = 1; crash <= 2; crash++) {
      long killAfter = acknowledgedBefore + 20 + random.nextInt(200);
      long acknowledged = runWriterAndKillIt(killAfter);

      assertThat(acknowledged).as("seed %d, crash %d", seed, crash).isGreaterThanOrEqualTo(killAfter);
      acknowledgedBefore = verifyStore(acknowledged, seed);
    }
  }

  private long runWriterAndKillIt(long killAfter) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process writer = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        CrashingWriter.class.getName(), directory.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    AtomicLong acknowledged = new AtomicLong();
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> readAcknowledgements(writer, acknowledged));
    try {
      await().atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(5))
          .failFast("the writer died on its own", () -> !writer.isAlive() && acknowledged.get() < killAfter)
          .until(() -> acknowledged.get() >= killAfter);
    } finally {
      writer.destroyForcibly();
      writer.waitFor(30, TimeUnit.SECONDS);
    }
    reader.get(30, TimeUnit.SECONDS);
    return acknowledged.get();
  }

  private static void readAcknowledgements(Process writer, AtomicLong acknowledged) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        acknowledged.set(Long.parseLong(line.trim()));
      }
    } catch (IOException streamClosedByKill) {
      // The JDK closes the pipe as the process exits, a moment before isAlive() turns false.
      if (!hasExited(writer)) {
        throw new UncheckedIOException(streamClosedByKill);
      }
    }
  }

  private static boolean hasExited(Process writer) {
    try {
      return writer.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Returns the last batch present. */
  private long verifyStore(long acknowledged, long seed) {
    try (XodusKeyValueStore store = new XodusKeyValueStore(
        XodusKeyValueStoreTest.testSettings(directory), new MetricRegistry())) {
      List<Long> blocks = new ArrayList<>();
      store.scan(CrashingWriter.BLOCKS, KeyRange.all(), (key, value) -> {
        long number = CrashingWriter.number(key);
        assertThat(value).hasSize(CrashingWriter.VALUE_SIZE);
        assertThat(ByteBuffer.wrap(value).getLong()).isEqualTo(number);
        return blocks.add(number);
      });
      long last = blocks.get(blocks.size() - 1);

      // The writer may have committed batches whose acknowledgement it, or the pipe, did not deliver.
      assertThat(last).as("seed %d", seed).isGreaterThanOrEqualTo(acknowledged);
      assertThat(blocks).as("batches present").hasSize((int) last).startsWith(1L);
      assertThat(store.count(CrashingWriter.RECEIPTS)).isEqualTo(last);
      assertThat(store.entries(CrashingWriter.RECEIPTS, KeyRange.all(), Integer.MAX_VALUE))
          .allSatisfy(entry -> assertThat(entry.value()).isEqualTo(entry.key()));
      assertThat(store.get(CrashingWriter.META, CrashingWriter.LAST).map(CrashingWriter::number)).hasValue(last);
      return last;
    }
  }
}
