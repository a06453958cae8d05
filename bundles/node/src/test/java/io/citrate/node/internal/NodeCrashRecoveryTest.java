package io.citrate.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citrate.core.api.Hash;
import io.citrate.store.internal.XodusKeyValueStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node process is killed with SIGKILL at a random moment, twice; each time a node restarted on the same
 * store continues from its last committed block, and every transaction the killed node acknowledged is either
 * accepted by the selected chain or back in the pool, from where the next blocks take it.
 */
class NodeCrashRecoveryTest {
  @TempDir
  Path directory;

  @Test
  void aKilledNodeRestartsFromItsLastBlockAndLosesNoAcknowledgedTransaction() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Set<Hash> acknowledged = ConcurrentHashMap.newKeySet();
    for (int crash = 1; crash <= 2; crash++) {
      int killAfter = acknowledged.size() + 20 + random.nextInt(150);
      AtomicLong lastBlock = new AtomicLong(-1);
      runNodeAndKillIt(killAfter, acknowledged, lastBlock);

      try (XodusKeyValueStore store = XodusKeyValueStore.open(directory, true)) {
        Devnet restarted = new Devnet(store, ProductionSettings.Mode.OFF);
        restarted.node.restorePendingTransactions();
        assertThat(restarted.node.status().headNumber()).as("seed %d, crash %d", seed, crash)
            .isGreaterThanOrEqualTo(lastBlock.get());
        for (Hash transaction : acknowledged) {
          assertThat(restarted.node.transactionLocation(transaction).isPresent()
              || restarted.pool.contains(transaction)).as("seed %d: acknowledged %s", seed, transaction).isTrue();
        }
        while (restarted.pool.status().size() > 0) {
          restarted.node.produceBlock();
        }
        for (Hash transaction : acknowledged) {
          assertThat(restarted.node.transactionLocation(transaction)).as("seed %d: %s", seed, transaction)
              .isPresent();
        }
      }
    }
  }

  private void runNodeAndKillIt(int killAfter, Set<Hash> acknowledged, AtomicLong lastBlock) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process node = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        DevnetProcess.class.getName(), directory.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<Hash> seenThisRun = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(node.getInputStream(), StandardCharsets.US_ASCII))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("ACK ")) {
            Hash hash = Hash.fromHex(line.substring(4).trim());
            acknowledged.add(hash);
            seenThisRun.add(hash);
          } else if (line.startsWith("BLOCK ")) {
            lastBlock.set(Long.parseLong(line.substring(6).trim()));
          }
        }
      } catch (IOException closedByKill) {
        // The pipe closes as the process dies.
      }
    });
    try {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
          .failFast("the node died on its own", () -> !node.isAlive())
          .until(() -> acknowledged.size() >= killAfter);
    } finally {
      node.destroyForcibly();
      node.waitFor(30, TimeUnit.SECONDS);
    }
    reader.get(30, TimeUnit.SECONDS);
    assertThat(seenThisRun).isNotEmpty();
  }
}
