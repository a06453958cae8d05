package io.citrate.ipfs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.GcResult;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.api.UnixFsEntry;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.pin.LocalPinBackend;
import io.citrate.ipfs.internal.pin.PinManager;
import io.citrate.ipfs.internal.pin.PinSettings;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ipfs service end to end over an in-memory store, with pins recorded but no queue running. */
class IpfsServiceTest {
  private static final byte[] HELLO = "Hello Worlds!\n".getBytes(StandardCharsets.UTF_8);

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final KeyValueBlockstore blocks = new KeyValueBlockstore(store);
  private PinManager pins;
  private IpfsService ipfs;

  @BeforeEach
  void open() {
    MetricRegistry registry = new MetricRegistry();
    pins = new PinManager(store, List.of(new LocalPinBackend(blocks, Optional.empty())),
        new PinSettings(1, 3, Duration.ofMillis(1), 2, Duration.ofMillis(10), 1), registry);
    ipfs = new IpfsService(blocks, pins, new IpfsMetrics(registry, blocks), ImportOptions.KUBO_DEFAULT);
  }

  @AfterEach
  void close() {
    pins.close();
  }

  @Test
  void addGivesKubosIdsAndReadsBackWithRanges() {
    ImportResult v0 = ipfs.add(new ByteArrayInputStream(HELLO), ImportOptions.KUBO_DEFAULT, true, "hello");
    assertThat(v0.root()).hasToString("QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH");
    assertThat(pins.statusOf(v0.root())).singleElement().satisfies(pin -> assertThat(pin.name()).isEqualTo("hello"));

    ByteArrayOutputStream range = new ByteArrayOutputStream();
    assertThat(ipfs.read(IpfsPath.of(v0.root()), 6, 6, range)).isEqualTo(6);
    assertThat(range.toString(StandardCharsets.UTF_8)).isEqualTo("Worlds");
    assertThat(ipfs.stat(IpfsPath.of(v0.root())).size()).isEqualTo(HELLO.length);
  }

  @Test
  void directoriesResolveByPathAndStatNamesTheEntry(@TempDir Path directory) throws IOException {
    Files.createDirectories(directory.resolve("site/docs"));
    Files.write(directory.resolve("site/docs/readme.txt"), HELLO);
    ImportResult result = ipfs.add(directory.resolve("site"), ImportOptions.KUBO_CID_V1, true);

    UnixFsEntry entry = ipfs.stat(IpfsPath.parse("/ipfs/" + result.root() + "/docs/readme.txt"));
    assertThat(entry.name()).isEqualTo("readme.txt");
    assertThat(entry.cid()).hasToString("bafkreie6juq72qvxhoqf3xdkuysabhxf3wp2p6l5k2gsdsgtre6unpqkqu");
    assertThat(ipfs.list(IpfsPath.of(result.root()))).extracting(UnixFsEntry::name).containsExactly("docs");
    assertThat(pins.statusOf(result.root())).singleElement()
        .satisfies(pin -> assertThat(pin.name()).isEqualTo("site"));
  }

  @Test
  void garbageCollectionKeepsPinnedImportsAndRemovesTheRest() {
    Cid pinned = ipfs.add(content(600_000, 1), ImportOptions.KUBO_DEFAULT, true, "").root();
    Cid unpinned = ipfs.add(content(600_000, 2), ImportOptions.KUBO_DEFAULT, false, "").root();

    GcResult result = ipfs.collectGarbage();

    assertThat(result.blocksRemoved()).isEqualTo(4);
    assertThat(ipfs.hasBlock(pinned)).isTrue();
    assertThat(ipfs.hasBlock(unpinned)).isFalse();
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    assertThat(ipfs.read(IpfsPath.of(pinned), 0, Long.MAX_VALUE, whole)).isEqualTo(600_000);
  }

  @Test
  void carExportedFromOneNodeImportsIntoAnotherAndPinsItsRoot() {
    Cid root = ipfs.add(content(1_000_000, 3), ImportOptions.KUBO_CID_V1, true, "").root();
    ByteArrayOutputStream car = new ByteArrayOutputStream();
    ipfs.exportCar(root, car);

    MemoryKeyValueStore otherStore = new MemoryKeyValueStore();
    KeyValueBlockstore otherBlocks = new KeyValueBlockstore(otherStore);
    try (PinManager otherPins = new PinManager(otherStore, List.of(new LocalPinBackend(otherBlocks, Optional.empty())),
        new PinSettings(1, 1, Duration.ZERO, 1, Duration.ZERO, 1), new MetricRegistry())) {
      IpfsService other = new IpfsService(otherBlocks, otherPins, new IpfsMetrics(new MetricRegistry(), otherBlocks),
          ImportOptions.KUBO_DEFAULT);
      assertThat(other.importCar(new ByteArrayInputStream(car.toByteArray()), true)).containsExactly(root);
      assertThat(otherPins.pinnedRoots()).containsExactly(root);
      assertThat(other.statistics()).isEqualTo(ipfs.statistics());
    }
  }

  @Test
  void aTruncatedCarIsRefusedPinsNothingAndWhatItVerifiedIsCollected() {
    Cid root = ipfs.add(content(300_000, 4), ImportOptions.KUBO_DEFAULT, false, "").root();
    ByteArrayOutputStream car = new ByteArrayOutputStream();
    ipfs.exportCar(root, car);
    byte[] truncated = Arrays.copyOf(car.toByteArray(), car.size() - 10);
    ipfs.collectGarbage();

    assertThatThrownBy(() -> ipfs.importCar(new ByteArrayInputStream(truncated), true))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_DATA));
    assertThat(pins.pinnedRoots()).isEmpty();
    ipfs.collectGarbage();
    assertThat(ipfs.statistics().blocks()).isZero();
  }

  @Test
  void aFailingContentStreamIsAnIoErrorAndPinsNothing() {
    InputStream failing = new InputStream() {
      private int left = 400_000;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
          throw new IOException("connection reset");
        }
        int count = Math.min(length, left);
        Arrays.fill(buffer, offset, offset + count, (byte) 7);
        left -= count;
        return count;
      }
    };
    assertThatThrownBy(() -> ipfs.add(failing, ImportOptions.KUBO_DEFAULT, true, ""))
        .isInstanceOfSatisfying(IpfsException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.IO);
          assertThat(e).hasMessageContaining("connection reset");
        });
    assertThat(pins.pinnedRoots()).isEmpty();
  }

  @Test
  void readsRefuseNegativeRangesAndMissingContent() {
    Cid root = ipfs.add(new ByteArrayInputStream(HELLO), ImportOptions.KUBO_DEFAULT, false, "").root();
    assertThatThrownBy(() -> ipfs.read(IpfsPath.of(root), -1, 3, new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_DATA));
    Cid absent = Cid.parse("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    assertThatThrownBy(() -> ipfs.stat(IpfsPath.of(absent)))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }

  private static InputStream content(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return new ByteArrayInputStream(bytes);
  }
}
