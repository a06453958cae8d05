package io.citrate.ipfs.internal.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.citrate.ipfs.api.BlockstoreStatistics;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.GcResult;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.KeyValueBlockstore.BlockWriter;
import io.citrate.ipfs.internal.block.KeyValueBlockstore.Guard;
import io.citrate.ipfs.internal.dag.DagLinks;
import io.citrate.store.api.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GarbageCollectorTest {
  private final FillingDiskStore store = new FillingDiskStore();
  private final KeyValueBlockstore blockstore = new KeyValueBlockstore(store);
  private final Set<Cid> pinned = ConcurrentHashMap.newKeySet();
  private final GarbageCollector collector = new GarbageCollector(blockstore, () -> pinned, Duration.ofSeconds(10));
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void removesWhatNoRootReachesAndKeepsEveryReachableBlock() {
    TestBlocks leafA = TestBlocks.raw("a");
    TestBlocks leafB = TestBlocks.raw("b");
    TestBlocks inner = TestBlocks.node("inner", leafA, leafB);
    TestBlocks root = TestBlocks.node("root", inner, leafA);
    TestBlocks orphanLeaf = TestBlocks.raw("orphan leaf");
    TestBlocks orphan = TestBlocks.node("orphan", orphanLeaf, leafB);
    List.of(leafA, leafB, inner, root, orphanLeaf, orphan).forEach(block -> block.putInto(blockstore));
    pinned.add(root.cid());

    GcResult result = collector.collect();

    assertThat(result.blocksRemoved()).isEqualTo(2);
    assertThat(result.bytesRemoved()).isEqualTo(orphanLeaf.bytes().length + orphan.bytes().length);
    assertThat(result.blocksKept()).isEqualTo(4);
    assertThat(result.elapsed()).isPositive();
    List.of(leafA, leafB, inner, root)
        .forEach(block -> assertThat(blockstore.get(block.cid())).isEqualTo(block.bytes()));
    assertThat(blockstore.has(orphanLeaf.cid())).isFalse();
    assertThat(blockstore.has(orphan.cid())).isFalse();
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(4,
        leafA.bytes().length + leafB.bytes().length + inner.bytes().length + root.bytes().length));
    assertThat(new KeyValueBlockstore(store).statistics()).isEqualTo(blockstore.statistics());
  }

  @Test
  void emptyPinSetRemovesEverythingAndAnEmptyStoreIsFine() {
    TestBlocks.raw("x").putInto(blockstore);
    TestBlocks.node("y").putInto(blockstore);

    assertThat(collector.collect().blocksRemoved()).isEqualTo(2);
    assertThat(collector.collect()).satisfies(result -> {
      assertThat(result.blocksRemoved()).isZero();
      assertThat(result.blocksKept()).isZero();
    });
    assertThat(blockstore.statistics()).isEqualTo(new BlockstoreStatistics(0, 0));
  }

  @Test
  void aRootNamedInEitherCidVersionKeepsTheSameEntry() {
    TestBlocks leaf = TestBlocks.raw("leaf");
    TestBlocks root = TestBlocks.node("root", leaf);
    leaf.putInto(blockstore);
    root.putInto(blockstore);
    pinned.add(root.cid().toV1());

    assertThat(collector.collect().blocksRemoved()).isZero();
    assertThat(blockstore.get(root.cid())).isEqualTo(root.bytes());
  }

  @Test
  void bytesNamedBothRawAndDagPbAreStillFollowedAsDagPb() {
    TestBlocks child = TestBlocks.raw("child");
    TestBlocks node = TestBlocks.node("node", child);
    child.putInto(blockstore);
    node.putInto(blockstore);
    pinned.add(Cid.v1(Cid.RAW, node.cid().multihash()));
    pinned.add(node.cid());

    assertThat(collector.collect().blocksRemoved()).isZero();
    assertThat(blockstore.has(child.cid())).isTrue();
  }

  @Test
  void missingBlocksUnderARootAndMissingRootsAreTolerated() {
    TestBlocks present = TestBlocks.raw("present");
    TestBlocks absentLeaf = TestBlocks.raw("absent");
    TestBlocks absentInner = TestBlocks.node("absent inner", present);
    TestBlocks root = TestBlocks.node("partial", absentLeaf, absentInner, present);
    TestBlocks garbage = TestBlocks.raw("garbage");
    List.of(present, root, garbage).forEach(block -> block.putInto(blockstore));
    pinned.add(root.cid());
    pinned.add(TestBlocks.node("never stored").cid());

    GcResult result = collector.collect();

    assertThat(result.blocksRemoved()).isEqualTo(1);
    assertThat(blockstore.has(present.cid())).isTrue();
    assertThat(blockstore.has(root.cid())).isTrue();
    assertThat(blockstore.has(garbage.cid())).isFalse();
  }

  @Test
  void aDamagedBlockUnderARootStopsTheCollectionBeforeAnythingIsRemoved() {
    TestBlocks hidden = TestBlocks.raw("only the damaged node links here");
    TestBlocks inner = TestBlocks.node("inner", hidden);
    TestBlocks root = TestBlocks.node("root", inner);
    TestBlocks garbage = TestBlocks.raw("garbage");
    List.of(hidden, inner, root, garbage).forEach(block -> block.putInto(blockstore));
    store.commit(new WriteBatch().put(KeyValueBlockstore.BLOCKS, inner.cid().multihash().bytes(),
        "bit rot".getBytes(StandardCharsets.UTF_8)));
    pinned.add(root.cid());
    BlockstoreStatistics before = blockstore.statistics();

    assertThatThrownBy(collector::collect)
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_BLOCK))
        .hasMessageContaining(inner.cid().toString())
        .hasMessageContaining(root.cid().toString())
        .hasMessageContaining("before removing anything");

    assertThat(blockstore.has(hidden.cid())).isTrue();
    assertThat(blockstore.has(garbage.cid())).isTrue();
    assertThat(blockstore.statistics()).isEqualTo(before);
  }

  @Test
  void aBlockWhoseLinksCannotBeReadStopsTheCollection() {
    byte[] notDagPb = {(byte) 0xff, 0x01, 0x02};
    Cid undecodable = Cid.of(1, Cid.DAG_PB, notDagPb);
    blockstore.put(undecodable, notDagPb);
    TestBlocks garbage = TestBlocks.raw("garbage");
    garbage.putInto(blockstore);
    pinned.add(undecodable);

    assertThatThrownBy(collector::collect)
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_DATA))
        .hasMessageContaining(undecodable.toString());
    assertThat(blockstore.has(garbage.cid())).isTrue();
  }

  @Test
  void sweepsInBoundedBatchesEachInItsOwnCommit() {
    int garbageBlocks = 2 * GarbageCollector.SWEEP_BATCH + 100;
    List<TestBlocks> kept = new ArrayList<>();
    try (BlockWriter writer = blockstore.writer()) {
      for (int i = 0; i < garbageBlocks; i++) {
        TestBlocks block = TestBlocks.raw("garbage " + i);
        writer.put(block.cid(), block.bytes());
      }
      for (int i = 0; i < 50; i++) {
        TestBlocks block = TestBlocks.raw("kept " + i);
        writer.put(block.cid(), block.bytes());
        kept.add(block);
      }
    }
    TestBlocks root = TestBlocks.node("root", kept.stream().map(TestBlocks::cid).toList());
    root.putInto(blockstore);
    pinned.add(root.cid());
    int commitsBefore = store.commits();

    GcResult result = collector.collect();

    assertThat(result.blocksRemoved()).isEqualTo(garbageBlocks);
    assertThat(result.blocksKept()).isEqualTo(kept.size() + 1);
    assertThat(store.commits() - commitsBefore).isEqualTo(3);
    assertThat(store.count(KeyValueBlockstore.BLOCKS)).isEqualTo(kept.size() + 1);
    assertThat(blockstore.statistics().blocks()).isEqualTo(kept.size() + 1);
    kept.forEach(block -> assertThat(blockstore.has(block.cid())).isTrue());
  }

  @Test
  void aFullDiskStopsTheSweepWithStorageAndTheTotalsMatchWhatRemains() {
    try (BlockWriter writer = blockstore.writer()) {
      for (int i = 0; i < 2 * GarbageCollector.SWEEP_BATCH; i++) {
        TestBlocks block = TestBlocks.raw("garbage " + i);
        writer.put(block.cid(), block.bytes());
      }
    }
    store.fillDiskAfter(1);

    assertThatThrownBy(collector::collect)
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.STORAGE));

    assertThat(store.count(KeyValueBlockstore.BLOCKS)).isEqualTo(GarbageCollector.SWEEP_BATCH);
    assertThat(blockstore.statistics().blocks()).isEqualTo(GarbageCollector.SWEEP_BATCH);
    assertThat(new KeyValueBlockstore(store).statistics()).isEqualTo(blockstore.statistics());
    store.freeDisk();
    assertThat(collector.collect().blocksRemoved()).isEqualTo(GarbageCollector.SWEEP_BATCH);
  }

  @Test
  void waitsForImportsInFlightAndGivesUpWithUnavailable() throws Exception {
    TestBlocks inFlight = TestBlocks.raw("written under a guard, not yet pinned");
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> importer = threads.submit(() -> {
      try (Guard guard = blockstore.protect()) {
        inFlight.putInto(blockstore);
        written.countDown();
        release.await();
      }
      return null;
    });
    written.await();
    GarbageCollector impatient = new GarbageCollector(blockstore, () -> pinned, Duration.ofMillis(100));

    assertThatThrownBy(impatient::collect)
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
        .hasMessageContaining("1 import(s) still hold the blockstore after 100 ms");

    assertThat(blockstore.has(inFlight.cid())).isTrue();
    release.countDown();
    importer.get(10, TimeUnit.SECONDS);
    assertThat(impatient.collect().blocksRemoved()).isEqualTo(1);
  }

  @Test
  void keepsBlocksWrittenUnderAGuardWhoseRootIsPinnedBeforeItCloses() throws Exception {
    TestBlocks leaf = TestBlocks.raw("imported leaf");
    TestBlocks root = TestBlocks.node("imported root", leaf);
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch pin = new CountDownLatch(1);
    Future<?> importer = threads.submit(() -> {
      try (Guard guard = blockstore.protect(); BlockWriter writer = blockstore.writer()) {
        writer.put(leaf.cid(), leaf.bytes());
        writer.put(root.cid(), root.bytes());
        writer.flush();
        written.countDown();
        pin.await();
        pinned.add(root.cid());
      }
      return null;
    });
    written.await();
    Future<GcResult> collection = threads.submit(collector::collect);
    awaitQueued(collection);

    pin.countDown();
    importer.get(10, TimeUnit.SECONDS);

    assertThat(collection.get(10, TimeUnit.SECONDS).blocksRemoved()).isZero();
    assertThat(blockstore.get(leaf.cid())).isEqualTo(leaf.bytes());
    assertThat(blockstore.get(root.cid())).isEqualTo(root.bytes());
  }

  @Test
  void aWaitingCollectionHoldsBackNewImportsSoItIsNotStarved() throws Exception {
    CountDownLatch firstHeld = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    Future<?> first = threads.submit(() -> {
      try (Guard guard = blockstore.protect()) {
        firstHeld.countDown();
        releaseFirst.await();
      }
      return null;
    });
    firstHeld.await();
    AtomicBoolean marked = new AtomicBoolean();
    GarbageCollector observed = new GarbageCollector(blockstore, () -> {
      marked.set(true);
      return pinned;
    }, Duration.ofSeconds(10));
    Future<GcResult> collection = threads.submit(observed::collect);
    awaitQueued(collection);
    AtomicBoolean secondGotIn = new AtomicBoolean();
    AtomicBoolean collectionRanBeforeSecond = new AtomicBoolean();
    Future<?> second = threads.submit(() -> {
      try (Guard guard = blockstore.protect()) {
        secondGotIn.set(true);
        collectionRanBeforeSecond.set(marked.get());
      }
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> blockstore.queuedForTheCollectionLock() == 2);

    assertThat(secondGotIn).isFalse();
    releaseFirst.countDown();
    first.get(10, TimeUnit.SECONDS);
    collection.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    assertThat(collectionRanBeforeSecond).isTrue();
  }

  @Test
  void collectingFromAThreadThatHoldsAGuardIsRefusedRatherThanDeadlocking() {
    try (Guard guard = blockstore.protect()) {
      assertThatThrownBy(collector::collect)
          .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }
    assertThat(collector.collect().blocksRemoved()).isZero();
  }

  @Test
  void guardsNestAndClosingTwiceReleasesOnce() {
    Guard outer = blockstore.protect();
    Guard inner = blockstore.protect();
    inner.close();
    inner.close();
    assertThatThrownBy(collector::collect)
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    outer.close();
    assertThat(collector.collect().blocksRemoved()).isZero();
  }

  @Test
  void aGuardClosedOnAnotherThreadIsRefusedAndStaysOpenForItsOwner() throws Exception {
    Guard guard = blockstore.protect();

    Future<?> elsewhere = threads.submit(guard::close);

    assertThatThrownBy(() -> elsewhere.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasStackTraceContaining("closed by the thread that took it");
    guard.close();
    assertThat(collector.collect().blocksRemoved()).isZero();
  }

  @Test
  void importsUnderGuardsRacingCollectionsLoseNothing() throws Exception {
    int importers = 4;
    int importsEach = 40;
    AtomicInteger abandoned = new AtomicInteger();
    List<Future<List<TestBlocks>>> imports = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < importers; t++) {
      int thread = t;
      imports.add(threads.submit(() -> {
        start.await();
        List<TestBlocks> roots = new ArrayList<>();
        for (int i = 0; i < importsEach; i++) {
          try (Guard guard = blockstore.protect(); BlockWriter writer = blockstore.writer()) {
            List<Cid> leaves = new ArrayList<>();
            for (int leaf = 0; leaf < 20; leaf++) {
              TestBlocks block = TestBlocks.random(thread * 1_000_000L + i * 100L + leaf, 64 + leaf);
              writer.put(block.cid(), block.bytes());
              leaves.add(block.cid());
            }
            TestBlocks root = TestBlocks.node("import " + thread + "/" + i, leaves);
            writer.put(root.cid(), root.bytes());
            writer.flush();
            if (i % 4 == 3) {
              abandoned.incrementAndGet();
            } else {
              pinned.add(root.cid());
              roots.add(root);
            }
          }
        }
        return roots;
      }));
    }
    AtomicBoolean importing = new AtomicBoolean(true);
    Future<Integer> collections = threads.submit(() -> {
      start.await();
      int runs = 0;
      while (importing.get()) {
        collector.collect();
        runs++;
      }
      return runs;
    });

    start.countDown();
    List<TestBlocks> roots = new ArrayList<>();
    for (Future<List<TestBlocks>> done : imports) {
      roots.addAll(done.get(60, TimeUnit.SECONDS));
    }
    importing.set(false);
    assertThat(collections.get(60, TimeUnit.SECONDS)).isPositive();

    assertThat(roots).hasSize(importers * importsEach - abandoned.get());
    for (TestBlocks root : roots) {
      assertThat(blockstore.get(root.cid())).isEqualTo(root.bytes());
      for (Cid leaf : DagLinks.of(root.cid(), root.bytes())) {
        assertThat(blockstore.find(leaf)).as("leaf %s of %s", leaf, root.cid()).isPresent();
      }
    }
    collector.collect();
    assertThat(blockstore.statistics().blocks()).isEqualTo(roots.size() * 21L);
    assertThat(new KeyValueBlockstore(store).statistics()).isEqualTo(blockstore.statistics());
  }

  /** Waits until {@code collection} is parked on the lock behind a guard. */
  private void awaitQueued(Future<?> collection) {
    await().atMost(Duration.ofSeconds(10)).until(() -> blockstore.queuedForTheCollectionLock() >= 1);
    assertThat(collection).isNotDone();
  }
}
