package io.citrate.store.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.store.api.CompactionResult;
import io.citrate.store.api.LatencySummary;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.StorageStatistics;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.StoreStatistics;
import io.citrate.store.api.WriteBatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StoreCommandsTest {

  private static String printed(Consumer<PrintStream> printer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      printer.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void storeInfoShowsLocationSizeStoresAndMetrics() {
    StorageStatistics statistics = new StorageStatistics("/var/citrate/store", 3 * 1024 * 1024,
        List.of(new StoreStatistics(StoreName.of("blocks"), 42), new StoreStatistics(StoreName.of("meta"), 1)),
        10, 1, Optional.of(new LatencySummary(1.25, 1.0, 4.5, 9.0)), 77, Optional.empty());

    String output = printed(out -> StoreInfo.print(statistics, out));

    assertThat(output)
        .contains("Location      : /var/citrate/store")
        .contains("Size          : 3.0 MiB")
        .contains("Commits       : 10 (1 failed)")
        .contains("mean 1.250 ms, median 1.000 ms, p99 4.500 ms, max 9.000 ms")
        .contains("Point reads   : 77")
        .contains("Read latency  : not measured")
        .containsPattern("blocks\\s*\\|\\s*42")
        .containsPattern("meta\\s*\\|\\s*1");
  }

  @Test
  void storeInfoReadsTheServiceItIsGiven() {
    try (MemoryKeyValueStore store = new MemoryKeyValueStore()) {
      store.commit(new WriteBatch().put(StoreName.of("headers"), new byte[] {1}, new byte[] {2}));
      StoreInfo command = new StoreInfo();
      command.store = store;

      String output = printed(out -> StoreInfo.print(command.store.statistics(), out));

      assertThat(output).contains("Location      : memory").containsPattern("headers\\s*\\|\\s*1");
    }
  }

  @Test
  void storeInfoSaysWhenThereAreNoStores() {
    try (MemoryKeyValueStore store = new MemoryKeyValueStore()) {
      assertThat(printed(out -> StoreInfo.print(store.statistics(), out))).contains("no stores yet");
    }
  }

  @Test
  void storeCompactReportsSizesBeforeAndAfter() {
    String output = printed(out -> StoreCompact.print(
        new CompactionResult(10L * 1024 * 1024, 4L * 1024 * 1024, Duration.ofMillis(1500)), out));

    assertThat(output)
        .contains("Size before: 10.0 MiB")
        .contains("Size after : 4.0 MiB")
        .contains("Reclaimed  : 6.0 MiB")
        .contains("Took       : 1500 ms");
  }

  @Test
  void byteSizesReadNaturally() {
    assertThat(ByteSizes.format(0)).isEqualTo("0 B");
    assertThat(ByteSizes.format(1023)).isEqualTo("1023 B");
    assertThat(ByteSizes.format(1536)).isEqualTo("1.5 KiB");
    assertThat(ByteSizes.format(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    assertThat(ByteSizes.format(-2048)).isEqualTo("-2.0 KiB");
  }
}
