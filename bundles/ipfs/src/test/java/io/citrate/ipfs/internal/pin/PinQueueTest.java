package io.citrate.ipfs.internal.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.codahale.metrics.MetricRegistry;
import io.citrate.ipfs.api.BackendPinStatus;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.PinRequest;
import io.citrate.ipfs.api.PinState;
import io.citrate.ipfs.api.PinStatus;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.store.api.MemoryKeyValueStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.DefaultClassResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pin queue driving the real backends against fakes of Kubo and of a pinning service. */
class PinQueueTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String KUBO_ERROR = "{\"Message\":\"repo is locked\",\"Code\":0,\"Type\":\"error\"}";

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final KeyValueBlockstore blocks = new KeyValueBlockstore(store);
  private final MetricRegistry metrics = new MetricRegistry();
  private final FakeKubo kubo = new FakeKubo();
  private final FakePinningService service = new FakePinningService("secret");
  private final KuboPinBackend kuboBackend = new KuboPinBackend(kubo.url(), Duration.ofSeconds(1), blocks);
  private final LocalPinBackend localBackend = new LocalPinBackend(blocks, Optional.of(kuboBackend));
  private final List<AutoCloseable> resources = new ArrayList<>();

  PinQueueTest() throws Exception {}

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
    kubo.close();
    service.close();
  }

  private PinManager start(int maxAttempts, PinBackend... backends) throws Exception {
    PinManager manager = new PinManager(store, List.of(backends),
        new PinSettings(1, maxAttempts, Duration.ofMillis(20), 2.0, Duration.ofMillis(200), 2), metrics);
    CamelContext context = new DefaultCamelContext();
    context.setClassResolver(new ClassResolverOfAnotherBundle());
    context.getShutdownStrategy().setTimeout(2);
    context.addRoutes(manager.queueRoute());
    context.start();
    resources.add(manager);
    resources.add(context::stop);
    return manager;
  }

  /**
   * In the distribution the route runs in the node's context, whose class resolver is the node bundle's: it cannot
   * load this bundle's private classes by name.
   */
  private static final class ClassResolverOfAnotherBundle extends DefaultClassResolver {
    @Override
    protected Class<?> loadClass(String name, ClassLoader loader) {
      return name.startsWith("io.citrate.ipfs.") ? null : super.loadClass(name, loader);
    }
  }

  private RemotePinBackend remote(String token) {
    return new RemotePinBackend("remote", service.url(), token, Duration.ofSeconds(2));
  }

  private static PinStatus awaitState(PinManager manager, String requestId, PinState state) {
    await().atMost(WAIT).until(() -> manager.status(requestId).orElseThrow().state() == state);
    return manager.status(requestId).orElseThrow();
  }

  private static void awaitBackend(PinManager manager, String requestId, String backend, PinState state) {
    await().atMost(WAIT).until(() -> part(manager.status(requestId).orElseThrow(), backend).state() == state);
  }

  private static BackendPinStatus part(PinStatus status, String backend) {
    return status.backends().stream().filter(b -> b.backend().equals(backend)).findFirst().orElseThrow();
  }

  @Test
  void replicationTargetTwoOverTheNodeAndKubo() throws Exception {
    Cid cid = Content.file(blocks, Content.bytes(500_000, 1), ImportOptions.KUBO_DEFAULT);
    PinManager manager = start(3, localBackend, kuboBackend);

    PinStatus pinned = awaitState(manager, manager.pin(new PinRequest(cid, "model", Map.of(), 2)).requestId(),
        PinState.PINNED);

    assertThat(pinned.backends()).extracting(BackendPinStatus::state).containsOnly(PinState.PINNED);
    assertThat(kubo.pinned(cid)).isTrue();
  }

  @Test
  void theNodeFetchesContentItLacksFromKubo() throws Exception {
    Cid cid = Content.file(kubo.blocks, Content.bytes(300_000, 2), ImportOptions.KUBO_CID_V1);
    PinManager manager = start(3, localBackend);

    awaitState(manager, manager.pin(PinRequest.of(cid)).requestId(), PinState.PINNED);

    assertThat(blocks.has(cid)).isTrue();
  }

  @Test
  void aRemoteServiceIsPolledUntilItHasPinned() throws Exception {
    Cid cid = Content.file(blocks, Content.bytes(1_000, 3), ImportOptions.KUBO_CID_V1);
    PinManager manager = start(5, remote("secret"));

    PinStatus pinned = awaitState(manager, manager.pin(new PinRequest(cid, "w", Map.of("k", "v"), 0)).requestId(),
        PinState.PINNED);

    // queued, pinning, pinned: one attempt each, all on the one request the first attempt created.
    assertThat(part(pinned, "remote").attempts()).isEqualTo(3);
    assertThat(service.calls.stream().filter(call -> call.equals("POST /pins"))).hasSize(1);
    assertThat(service.requests()).singleElement().satisfies(request -> assertThat(request.status).isEqualTo("pinned"));
    assertThat(metrics.counter("pins.retries").getCount()).isEqualTo(2);
  }

  @Test
  void aKuboFailingTwiceIsRetriedUntilItPins() throws Exception {
    Cid cid = Content.file(blocks, Content.bytes(1_000, 4), ImportOptions.KUBO_DEFAULT);
    kubo.failNext(2, 500, KUBO_ERROR);
    PinManager manager = start(5, kuboBackend);

    PinStatus pinned = awaitState(manager, manager.pin(PinRequest.of(cid)).requestId(), PinState.PINNED);

    assertThat(part(pinned, "kubo").attempts()).isEqualTo(3);
    assertThat(metrics.counter("pins.backend.kubo.failures").getCount()).isEqualTo(2);
    assertThat(kubo.pinned(cid)).isTrue();
  }

  @Test
  void exhaustedRetriesFailTheBackendWithTheLastError() throws Exception {
    Cid cid = Content.file(blocks, Content.bytes(1_000, 5), ImportOptions.KUBO_DEFAULT);
    kubo.failNext(3, 500, KUBO_ERROR);
    PinManager manager = start(3, kuboBackend);

    PinStatus failed = awaitState(manager, manager.pin(PinRequest.of(cid)).requestId(), PinState.FAILED);

    assertThat(part(failed, "kubo").attempts()).isEqualTo(3);
    assertThat(part(failed, "kubo").lastError()).contains("answered pin/ls with 500: repo is locked");
  }

  @Test
  void aHangingKuboTimesOutAndRetriesWhileOtherPinsContinue() throws Exception {
    Cid first = Content.file(blocks, Content.bytes(1_000, 6), ImportOptions.KUBO_DEFAULT);
    Cid second = Content.file(blocks, Content.bytes(1_000, 7), ImportOptions.KUBO_DEFAULT);
    kubo.hangNext(2);
    PinManager manager = start(5, localBackend, kuboBackend);

    String hung = manager.pin(PinRequest.of(first)).requestId();
    String other = manager.pin(PinRequest.of(second)).requestId();

    awaitState(manager, hung, PinState.PINNED);
    awaitState(manager, other, PinState.PINNED);
    awaitBackend(manager, hung, "kubo", PinState.PINNED);
    awaitBackend(manager, other, "kubo", PinState.PINNED);
    int kuboAttempts = part(manager.status(hung).orElseThrow(), "kubo").attempts()
        + part(manager.status(other).orElseThrow(), "kubo").attempts();
    assertThat(kuboAttempts).isEqualTo(4);
  }

  @Test
  void garbageFromKuboIsRetried() throws Exception {
    Cid cid = Content.file(blocks, Content.bytes(1_000, 8), ImportOptions.KUBO_DEFAULT);
    kubo.failNext(1, 200, "<html>gateway</html>");
    PinManager manager = start(3, kuboBackend);

    PinStatus pinned = awaitState(manager, manager.pin(PinRequest.of(cid)).requestId(), PinState.PINNED);

    assertThat(part(pinned, "kubo").attempts()).isEqualTo(2);
  }

  @Test
  void aRefusedTokenFailsTheRemoteAtOnceWhileTheNodeHoldsThePin() throws Exception {
    Cid cid = Content.file(blocks, Content.bytes(1_000, 9), ImportOptions.KUBO_DEFAULT);
    PinManager manager = start(5, localBackend, remote("wrong"));

    String id = manager.pin(PinRequest.of(cid)).requestId();

    awaitBackend(manager, id, "remote", PinState.FAILED);
    PinStatus status = manager.status(id).orElseThrow();
    assertThat(part(status, "remote").attempts()).isEqualTo(1);
    assertThat(part(status, "remote").lastError()).contains("token refused");
    awaitState(manager, id, PinState.PINNED);
  }

  @Test
  void pinsQueuedBeforeARestartArePinnedAfterIt() throws Exception {
    Cid cid = Content.file(blocks, Content.bytes(1_000, 10), ImportOptions.KUBO_DEFAULT);
    String id;
    try (PinManager before = new PinManager(store, List.of(localBackend, kuboBackend),
        new PinSettings(2, 3, Duration.ofMillis(20), 2.0, Duration.ofMillis(200), 1), new MetricRegistry())) {
      id = before.pin(PinRequest.of(cid)).requestId();
    }

    PinManager after = start(3, localBackend, kuboBackend);

    assertThat(after.status(id).orElseThrow().replicationTarget()).isEqualTo(2);
    awaitState(after, id, PinState.PINNED);
    assertThat(kubo.pinned(cid)).isTrue();
  }

  @Test
  void unpinRemovesThePinFromKuboAndTheService() throws Exception {
    Cid cid = Content.file(blocks, Content.bytes(1_000, 11), ImportOptions.KUBO_CID_V1);
    PinManager manager = start(5, localBackend, kuboBackend, remote("secret"));
    String id = manager.pin(new PinRequest(cid, "", Map.of(), 3)).requestId();
    awaitState(manager, id, PinState.PINNED);

    assertThat(manager.unpin(id)).isTrue();

    assertThat(kubo.pinned(cid)).isFalse();
    assertThat(service.requests()).isEmpty();
    assertThat(manager.pinnedRoots()).isEmpty();
  }
}
