package io.citrate.ipfs.internal.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.citrate.ipfs.api.BackendPinStatus;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.PinQuery;
import io.citrate.ipfs.api.PinRequest;
import io.citrate.ipfs.api.PinState;
import io.citrate.ipfs.api.PinStatus;
import io.citrate.ipfs.internal.block.FillingDiskStore;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.store.api.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PinManagerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final MetricRegistry metrics = new MetricRegistry();
  private final List<CamelContext> contexts = new ArrayList<>();
  private final List<PinManager> managers = new ArrayList<>();

  @AfterEach
  void stop() {
    contexts.forEach(CamelContext::stop);
    managers.forEach(PinManager::close);
  }

  static Cid cid(String content) {
    return Cid.of(1, Cid.RAW, content.getBytes(StandardCharsets.UTF_8));
  }

  static PinSettings settings(int target, int maxAttempts, int concurrency) {
    return new PinSettings(target, maxAttempts, Duration.ofMillis(20), 2.0, Duration.ofMillis(400), concurrency);
  }

  private PinManager manager(PinSettings settings, PinBackend... backends) {
    PinManager manager = new PinManager(store, List.of(backends), settings, metrics);
    managers.add(manager);
    return manager;
  }

  private CamelContext start(PinManager manager) throws Exception {
    CamelContext context = new DefaultCamelContext();
    context.getShutdownStrategy().setTimeout(5);
    context.addRoutes(manager.queueRoute());
    context.start();
    contexts.add(context);
    return context;
  }

  private static PinStatus awaitState(PinManager manager, String requestId, PinState state) {
    await().atMost(WAIT).until(() -> manager.status(requestId).orElseThrow().state() == state);
    return manager.status(requestId).orElseThrow();
  }

  private static BackendPinStatus part(PinStatus status, String backend) {
    return status.backends().stream().filter(b -> b.backend().equals(backend)).findFirst().orElseThrow();
  }

  @Test
  void pinsOnEveryBackendAndReportsTheTargetReached() throws Exception {
    ScriptedBackend local = new ScriptedBackend("local");
    ScriptedBackend kubo = new ScriptedBackend("kubo");
    PinManager manager = manager(settings(1, 3, 2), local, kubo);
    start(manager);

    PinStatus queued = manager.pin(new PinRequest(cid("a"), "model", Map.of("k", "v"), 2));
    assertThat(queued.state()).isEqualTo(PinState.QUEUED);
    assertThat(queued.requestId()).matches("[A-Za-z0-9_-]{24}");

    PinStatus pinned = awaitState(manager, queued.requestId(), PinState.PINNED);
    assertThat(pinned.backends()).extracting(BackendPinStatus::state).containsOnly(PinState.PINNED);
    assertThat(pinned.attempts()).isEqualTo(2);
    assertThat(pinned.name()).isEqualTo("model");
    assertThat(pinned.meta()).isEqualTo(Map.of("k", "v"));
    assertThat(local.pinned).containsExactly(cid("a"));
    assertThat(kubo.pinned).containsExactly(cid("a"));
    assertThat(manager.pinnedRoots()).containsExactly(cid("a"));
    assertThat(gauge("pins.state.pinned")).isEqualTo(1L);
    assertThat(gauge("pins.state.queued")).isZero();
  }

  @Test
  void aTargetAboveTheBackendsIsRefusedAndNothingIsStored() {
    PinManager manager = manager(settings(1, 3, 1), new ScriptedBackend("local"));
    assertThatThrownBy(() -> manager.pin(new PinRequest(cid("a"), "", Map.of(), 2)))
        .isInstanceOf(IpfsException.class)
        .hasMessageContaining("replication target 2")
        .extracting(e -> ((IpfsException) e).kind()).isEqualTo(IpfsException.Kind.INVALID_DATA);
    assertThat(manager.list(PinQuery.all(10))).isEmpty();
    assertThatThrownBy(() -> manager(settings(2, 3, 1), new ScriptedBackend("local")))
        .isInstanceOf(IpfsException.class);
  }

  @Test
  void badRequestsAndSettingsAreRefusedAndNothingIsStored() {
    PinManager manager = manager(settings(1, 3, 1), new ScriptedBackend("local"));
    Map<String, String> hugeMeta = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      hugeMeta.put("key" + i, "v".repeat(5_000));
    }
    assertThatThrownBy(() -> manager.pin(new PinRequest(cid("a"), "", hugeMeta, 0)))
        .isInstanceOfSatisfying(IpfsException.class,
            e -> assertThat(e.kind()).isEqualTo(IpfsException.Kind.TOO_LARGE))
        .hasMessageContaining("metadata");
    assertThat(manager.list(PinQuery.all(10))).isEmpty();
    assertThat(gauge("pins.state.queued")).isZero();

    assertThatThrownBy(() -> new PinSettings(1, 0, Duration.ofMillis(1), 2.0, Duration.ofMillis(1), 1))
        .isInstanceOf(IpfsException.class).hasMessageContaining("max attempts");
    assertThatThrownBy(() -> new PinSettings(1, 3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1), 1))
        .isInstanceOf(IpfsException.class).hasMessageContaining("max retry delay");
    assertThatThrownBy(() -> manager(settings(1, 3, 1), new ScriptedBackend("a"), new ScriptedBackend("a")))
        .isInstanceOf(IpfsException.class).hasMessageContaining("two pin backends");
    assertThatThrownBy(() -> manager(settings(1, 3, 1), new ScriptedBackend("bad name")))
        .isInstanceOf(IpfsException.class).hasMessageContaining("bad name");

    manager.close();
    managers.remove(manager);
    assertThatThrownBy(() -> manager.pin(PinRequest.of(cid("a"))))
        .isInstanceOfSatisfying(IpfsException.class,
            e -> assertThat(e.kind()).isEqualTo(IpfsException.Kind.UNAVAILABLE));
  }

  @Test
  void aDamagedStoredPinIsReportedAsAStorageFailure() {
    PinManager manager = manager(settings(1, 3, 1), new ScriptedBackend("local"));
    String id = manager.pin(PinRequest.of(cid("a"))).requestId();
    store.commit(new WriteBatch().put(PinStore.PINS, id.getBytes(StandardCharsets.UTF_8),
        "{not json".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> manager.status(id))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(IpfsException.Kind.STORAGE))
        .hasMessageContaining("stored pin " + id);
  }

  @Test
  void aFullDiskRefusesNewPinsAndDelaysQueuedOnesUntilThereIsRoom() throws Exception {
    FillingDiskStore disk = new FillingDiskStore();
    ScriptedBackend local = new ScriptedBackend("local");
    PinManager manager = new PinManager(disk, List.of(local), settings(1, 10, 1), metrics);
    managers.add(manager);
    String id = manager.pin(PinRequest.of(cid("a"))).requestId();
    disk.fillDisk();

    assertThatThrownBy(() -> manager.pin(PinRequest.of(cid("b"))))
        .isInstanceOfSatisfying(IpfsException.class, e -> assertThat(e.kind()).isEqualTo(IpfsException.Kind.STORAGE))
        .hasMessageContaining("No space left on device");
    assertThat(manager.pinnedRoots()).containsExactly(cid("a"));

    start(manager);
    await().atMost(WAIT).until(() -> metrics.counter("pins.retries").getCount() >= 2);
    assertThat(local.attemptTimes).isEmpty();
    assertThat(manager.status(id).orElseThrow().state()).isEqualTo(PinState.QUEUED);

    disk.freeDisk();
    PinStatus pinned = awaitState(manager, id, PinState.PINNED);
    assertThat(part(pinned, "local").attempts()).isEqualTo(1);
  }

  @Test
  void retriesWithExponentialBackoffAndCountsAttempts() throws Exception {
    ScriptedBackend flaky = new ScriptedBackend("kubo").failing(3);
    PinManager manager = manager(settings(1, 5, 1), flaky);
    start(manager);

    PinStatus pinned = awaitState(manager, manager.pin(PinRequest.of(cid("a"))).requestId(), PinState.PINNED);

    assertThat(part(pinned, "kubo").attempts()).isEqualTo(4);
    assertThat(part(pinned, "kubo").lastError()).isNull();
    assertThat(metrics.counter("pins.retries").getCount()).isEqualTo(3);
    assertThat(metrics.counter("pins.backend.kubo.failures").getCount()).isEqualTo(3);
    // Waits of 20, 40 and 80 ms: each gap at least its delay, and the last clearly longer than the first.
    List<Long> gaps = gapsMillis(flaky.attemptTimes);
    assertThat(gaps.get(0)).isGreaterThanOrEqualTo(18);
    assertThat(gaps.get(1)).isGreaterThanOrEqualTo(38);
    assertThat(gaps.get(2)).isGreaterThanOrEqualTo(78);
  }

  @Test
  void exhaustedRetriesFailTheBackendWithItsLastError() throws Exception {
    ScriptedBackend down = new ScriptedBackend("kubo").failing(10);
    PinManager manager = manager(settings(1, 3, 1), down);
    start(manager);

    PinStatus failed = awaitState(manager, manager.pin(PinRequest.of(cid("a"))).requestId(), PinState.FAILED);

    assertThat(part(failed, "kubo").attempts()).isEqualTo(3);
    assertThat(part(failed, "kubo").lastError()).isEqualTo("kubo unavailable (attempt 3)");
    assertThat(down.attemptTimes).hasSize(3);
    assertThat(gauge("pins.state.failed")).isEqualTo(1L);
  }

  @Test
  void aFailureThatIsNotRetryableFailsAtOnce() throws Exception {
    ScriptedBackend refusing = new ScriptedBackend("remote")
        .failingFor(new PinAttemptException("token refused", false));
    ScriptedBackend local = new ScriptedBackend("local");
    PinManager manager = manager(settings(1, 5, 1), local, refusing);
    start(manager);

    String id = manager.pin(new PinRequest(cid("a"), "", Map.of(), 2)).requestId();
    PinStatus failed = awaitState(manager, id, PinState.FAILED);

    assertThat(part(failed, "remote").attempts()).isEqualTo(1);
    assertThat(part(failed, "remote").lastError()).isEqualTo("token refused");
    await().atMost(WAIT).until(() -> part(manager.status(id).orElseThrow(), "local").state() == PinState.PINNED);
  }

  @Test
  void aPinWaitingForItsRetryHoldsNoConsumer() throws Exception {
    ScriptedBackend slow = new ScriptedBackend("kubo").failing(1);
    PinSettings longRetry = new PinSettings(1, 3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1), 1);
    PinManager manager = manager(longRetry, slow);
    start(manager);

    String waiting = manager.pin(PinRequest.of(cid("a"))).requestId();
    await().atMost(WAIT).until(() -> part(manager.status(waiting).orElseThrow(), "kubo").lastError() != null);
    String next = manager.pin(PinRequest.of(cid("b"))).requestId();

    // One consumer only: the second pin completes while the first waits for its retry.
    awaitState(manager, next, PinState.PINNED);
    assertThat(manager.status(waiting).orElseThrow().state()).isEqualTo(PinState.PINNING);
    awaitState(manager, waiting, PinState.PINNED);
  }

  @Test
  void aHangingBackendDoesNotHoldUpOtherPins() throws Exception {
    ScriptedBackend hanging = new ScriptedBackend("kubo").hanging();
    ScriptedBackend local = new ScriptedBackend("local");
    PinManager manager = manager(settings(1, 3, 2), local, hanging);
    start(manager);

    String first = manager.pin(PinRequest.of(cid("a"))).requestId();
    String second = manager.pin(PinRequest.of(cid("b"))).requestId();

    awaitState(manager, first, PinState.PINNED);
    awaitState(manager, second, PinState.PINNED);
    assertThat(part(manager.status(first).orElseThrow(), "kubo").state()).isEqualTo(PinState.PINNING);
    hanging.release();
    await().atMost(WAIT).until(() -> part(manager.status(second).orElseThrow(), "kubo").state() == PinState.PINNED);
  }

  @Test
  void pinsRecordedBeforeTheQueueRunsAreDispatchedWhenItStarts() throws Exception {
    ScriptedBackend local = new ScriptedBackend("local");
    PinManager manager = manager(settings(1, 3, 1), local);
    String id = manager.pin(PinRequest.of(cid("a"))).requestId();
    assertThat(manager.status(id).orElseThrow().state()).isEqualTo(PinState.QUEUED);

    start(manager);

    awaitState(manager, id, PinState.PINNED);
  }

  @Test
  void aRestartResumesUnfinishedPins() throws Exception {
    ScriptedBackend down = new ScriptedBackend("kubo").failing(1_000);
    PinSettings slowRetry = new PinSettings(1, 10, Duration.ofMillis(200), 1.0, Duration.ofMillis(200), 1);
    PinManager before = manager(slowRetry, down);
    CamelContext context = start(before);
    String id = before.pin(new PinRequest(cid("a"), "weights", Map.of("model", "m1"), 0)).requestId();
    await().atMost(WAIT).until(() -> part(before.status(id).orElseThrow(), "kubo").attempts() >= 1);
    context.stop();
    before.close();

    try (PinManager reader = new PinManager(store, List.of(new ScriptedBackend("kubo")), slowRetry,
        new MetricRegistry())) {
      assertThat(reader.status(id).orElseThrow().state()).isEqualTo(PinState.PINNING);
    }

    ScriptedBackend up = new ScriptedBackend("kubo");
    PinManager after = manager(slowRetry, up);
    start(after);

    PinStatus pinned = awaitState(after, id, PinState.PINNED);
    assertThat(pinned.name()).isEqualTo("weights");
    assertThat(pinned.meta()).isEqualTo(Map.of("model", "m1"));
    assertThat(up.pinned).containsExactly(cid("a"));
  }

  @Test
  void unpinRemovesTheRecordAndTheBackendsPinOnceNoPinNamesTheContent() throws Exception {
    ScriptedBackend local = new ScriptedBackend("local");
    PinManager manager = manager(settings(1, 3, 1), local);
    start(manager);
    String first = manager.pin(PinRequest.of(cid("a"))).requestId();
    String second = manager.pin(PinRequest.of(cid("a"))).requestId();
    awaitState(manager, first, PinState.PINNED);
    awaitState(manager, second, PinState.PINNED);

    assertThat(manager.unpin(first)).isTrue();
    assertThat(local.unpinned).isEmpty();
    assertThat(manager.pinnedRoots()).containsExactly(cid("a"));
    assertThat(manager.unpin(second)).isTrue();

    assertThat(local.unpinned).containsExactly(cid("a"));
    assertThat(manager.status(second)).isEmpty();
    assertThat(manager.pinnedRoots()).isEmpty();
    assertThat(manager.unpin(second)).isFalse();
    assertThat(gauge("pins.state.pinned")).isZero();
  }

  @Test
  void listFiltersNewestFirstAndReplaceSwapsThePin() throws Exception {
    PinManager manager = manager(settings(1, 3, 1), new ScriptedBackend("local"));
    String a = manager.pin(new PinRequest(cid("a"), "one", Map.of(), 0)).requestId();
    String b = manager.pin(new PinRequest(cid("b"), "two", Map.of(), 0)).requestId();
    String c = manager.pin(new PinRequest(cid("c"), "two", Map.of(), 0)).requestId();

    assertThat(manager.list(PinQuery.all(10))).extracting(PinStatus::requestId).containsExactly(c, b, a);
    assertThat(manager.list(PinQuery.all(2))).extracting(PinStatus::requestId).containsExactly(c, b);
    assertThat(manager.list(new PinQuery(Set.of(), "two", Set.of(), null, null, 10)))
        .extracting(PinStatus::requestId).containsExactly(c, b);
    assertThat(manager.list(new PinQuery(Set.of(cid("a")), null, Set.of(PinState.QUEUED), null, null, 10)))
        .extracting(PinStatus::requestId).containsExactly(a);
    PinStatus bStatus = manager.status(b).orElseThrow();
    assertThat(manager.list(new PinQuery(Set.of(), null, Set.of(), bStatus.created(), null, 10)))
        .extracting(PinStatus::requestId).containsExactly(a);
    assertThat(manager.list(new PinQuery(Set.of(), null, Set.of(), null, bStatus.created(), 10)))
        .extracting(PinStatus::requestId).containsExactly(c);
    assertThat(manager.list(new PinQuery(Set.of(), null, Set.of(PinState.PINNED), null, null, 10))).isEmpty();

    PinStatus replaced = manager.replace(a, new PinRequest(cid("d"), "one", Map.of(), 0));
    assertThat(manager.status(a)).isEmpty();
    assertThat(manager.statusOf(cid("d"))).extracting(PinStatus::requestId).containsExactly(replaced.requestId());
    assertThat(manager.pinnedRoots()).containsExactlyInAnyOrder(cid("b"), cid("c"), cid("d"));
    assertThatThrownBy(() -> manager.replace("unknown", PinRequest.of(cid("e"))))
        .isInstanceOf(IpfsException.class)
        .extracting(e -> ((IpfsException) e).kind()).isEqualTo(IpfsException.Kind.NOT_FOUND);
  }

  @Test
  void stoppingTheQueueWithARetryPendingLeavesThePinToResume() throws Exception {
    ScriptedBackend down = new ScriptedBackend("kubo").failing(1_000);
    PinSettings longRetry = new PinSettings(1, 5, Duration.ofSeconds(30), 2.0, Duration.ofSeconds(30), 1);
    PinManager manager = manager(longRetry, down);
    CamelContext context = start(manager);
    String id = manager.pin(PinRequest.of(cid("a"))).requestId();
    await().atMost(WAIT).until(() -> part(manager.status(id).orElseThrow(), "kubo").lastError() != null);

    long started = System.nanoTime();
    context.stop();

    // The 30 s backoff is not waited out, nor the 5 s shutdown timeout.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(down.attemptTimes).hasSize(1);
    assertThat(part(manager.status(id).orElseThrow(), "kubo").state()).isEqualTo(PinState.PINNING);
    assertThat(part(manager.status(id).orElseThrow(), "kubo").attempts()).isEqualTo(1);
  }

  @Test
  void oneBuilderServesAContextThatReplacesAStoppedOne() throws Exception {
    ScriptedBackend flaky = new ScriptedBackend("kubo").failing(2);
    PinManager manager = manager(settings(1, 5, 1), flaky);
    RoutesBuilder routes = manager.queueRoute();
    CamelContext first = new DefaultCamelContext();
    first.addRoutes(routes);
    first.start();
    first.stop();

    CamelContext second = new DefaultCamelContext();
    contexts.add(second);
    second.addRoutes(routes);
    second.start();

    PinStatus pinned = awaitState(manager, manager.pin(PinRequest.of(cid("a"))).requestId(), PinState.PINNED);
    assertThat(part(pinned, "kubo").attempts()).isEqualTo(3);
  }

  @Test
  void closingTheManagerReleasesWaitingRetriesSoItsRouteStopsAtOnce() throws Exception {
    ScriptedBackend down = new ScriptedBackend("kubo").failing(1_000);
    PinSettings longRetry = new PinSettings(1, 5, Duration.ofSeconds(30), 2.0, Duration.ofSeconds(30), 1);
    PinManager manager = manager(longRetry, down);
    CamelContext context = start(manager);
    String id = manager.pin(PinRequest.of(cid("a"))).requestId();
    await().atMost(WAIT).until(() -> part(manager.status(id).orElseThrow(), "kubo").lastError() != null);

    manager.close();
    managers.remove(manager);
    long started = System.nanoTime();
    context.getRouteController().stopRoute(PinQueueRoute.ROUTE_ID);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(down.attemptTimes).hasSize(1);
    try (PinManager reader = new PinManager(store, List.of(down), longRetry, new MetricRegistry())) {
      assertThat(reader.status(id).orElseThrow().state()).isEqualTo(PinState.PINNING);
    }
  }

  private long gauge(String name) {
    return (Long) ((Gauge<?>) metrics.getGauges().get(name)).getValue();
  }

  private static List<Long> gapsMillis(List<Long> nanos) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < nanos.size(); i++) {
      gaps.add((nanos.get(i) - nanos.get(i - 1)) / 1_000_000);
    }
    return gaps;
  }
}
