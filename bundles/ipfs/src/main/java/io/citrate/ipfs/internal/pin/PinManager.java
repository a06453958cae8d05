package io.citrate.ipfs.internal.pin;

import com.codahale.metrics.MetricRegistry;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.PinQuery;
import io.citrate.ipfs.api.PinRequest;
import io.citrate.ipfs.api.PinState;
import io.citrate.ipfs.api.PinStatus;
import io.citrate.ipfs.api.Pins;
import io.citrate.store.api.KeyValueStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pins with a replication target over the configured backends, persisted in the node's key-value store and driven
 * by the pin queue ({@link #queueRoute()}).
 *
 * <p>Every pin uses every configured backend, attempted in configured order (each backend of a pin is its own queue
 * entry, so with several consumers they run side by side). A pin is PINNED once {@code replicationTarget} backends
 * hold it; the other backends are still attempted, since a replica beyond the target costs nothing and survives the
 * loss of one that counts. It is FAILED once so many backends have failed that the rest cannot reach the target.
 *
 * <p>Each attempt counts once in its backend's attempts. A resumed pin (after a restart, or after the queue route
 * was stopped) gets a fresh round of {@link PinSettings#maxAttempts()} attempts per unfinished backend: a restart is
 * often what fixed the backend. A backend a stored pin names but the configuration no longer has is marked failed
 * when the queue starts.
 */
public final class PinManager implements Pins, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PinManager.class);
  private static final Pattern BACKEND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final int REQUEST_ID_BYTES = 18;
  /** Exchange property holding the attempt's {@link BackendPin}, for the redelivery callbacks. */
  private static final String ATTEMPT_PIN = "citrate.ipfs.pin";

  private final PinStore store;
  private final Map<String, PinBackend> backends = new LinkedHashMap<>();
  private final PinSettings settings;
  private final PinMetrics metrics;
  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();
  /** Serializes read-modify-write of records, so two backends' outcomes for one pin never overwrite each other. */
  private final Object writeLock = new Object();
  /** Attempts in the queue or in flight, so one is never queued twice (a pin made while the queue resumes). */
  private final Set<PinTask> inQueue = ConcurrentHashMap.newKeySet();
  private volatile Dispatcher dispatcher;
  private volatile RetryTimer retryTimer;
  /** Set while the queue stops: attempts then end at once, leaving their pins to resume at the next start. */
  private volatile boolean releasing;
  private volatile boolean closed;
  private Instant lastCreated = Instant.EPOCH;

  /** One pin on one backend: the body of a queue exchange. */
  record PinTask(String requestId, String backend) {}

  /** Sends attempts into the running queue; exists while the route runs. */
  private record Dispatcher(ProducerTemplate producer, ExecutorService resumer, CamelContext context) {}

  public PinManager(KeyValueStore store, List<PinBackend> backends, PinSettings settings, MetricRegistry metrics) {
    if (backends.isEmpty()) {
      throw new IpfsException(Kind.INVALID_DATA, "no pin backend is configured");
    }
    for (PinBackend backend : backends) {
      if (!BACKEND_NAME.matcher(backend.name()).matches()) {
        throw new IpfsException(Kind.INVALID_DATA, "pin backend name '" + backend.name()
            + "' is not 1 to 64 characters of letters, digits, '_' and '-'");
      }
      if (this.backends.putIfAbsent(backend.name(), backend) != null) {
        throw new IpfsException(Kind.INVALID_DATA, "two pin backends are named '" + backend.name() + "'");
      }
    }
    if (settings.replicationTarget() > backends.size()) {
      throw new IpfsException(Kind.INVALID_DATA, "the default replication target " + settings.replicationTarget()
          + " is more than the " + backends.size() + " configured pin backends " + this.backends.keySet());
    }
    this.store = new PinStore(store);
    this.settings = settings;
    this.metrics = new PinMetrics(metrics, this.backends.keySet());
    this.store.visitAll(record -> {
      metrics(null, record.state());
      return true;
    });
  }

  /**
   * The queue route to add to a Camel context. Pins recorded before a context runs it stay queued and are
   * dispatched when it starts; stopping it leaves unfinished pins to the next start. A context that stops releases
   * the retries waiting out their backoff by itself; to remove the route from a context that goes on running, close
   * this manager first, or the route's graceful stop waits for those retries until the context's shutdown timeout.
   */
  public RoutesBuilder queueRoute() {
    return new PinQueueRoute(this, settings);
  }

  @Override
  public PinStatus pin(PinRequest request) {
    PinRecord record;
    synchronized (writeLock) {
      record = newRecord(request);
      store.put(record);
      metrics(null, record.state());
    }
    dispatch(record);
    return record.status();
  }

  @Override
  public PinStatus replace(String requestId, PinRequest request) {
    PinRecord old;
    PinRecord replacement;
    boolean oldContentReleased;
    synchronized (writeLock) {
      old = store.find(requestId).orElseThrow(() -> notFound(requestId));
      replacement = newRecord(request);
      store.replace(old, replacement);
      metrics(old.state(), null);
      metrics(null, replacement.state());
      oldContentReleased = !old.cid().equals(replacement.cid()) && store.requestIdsOf(old.cid()).isEmpty();
    }
    if (oldContentReleased) {
      unpinFromBackends(old);
    }
    dispatch(replacement);
    return replacement.status();
  }

  @Override
  public Optional<PinStatus> status(String requestId) {
    checkOpen();
    return store.find(requestId).map(PinRecord::status);
  }

  @Override
  public List<PinStatus> statusOf(Cid cid) {
    checkOpen();
    List<PinStatus> statuses = new ArrayList<>();
    for (String requestId : store.requestIdsOf(cid)) {
      store.find(requestId).ifPresent(record -> statuses.add(record.status()));
    }
    statuses.sort(Comparator.comparing(PinStatus::created).reversed());
    return statuses;
  }

  @Override
  public List<PinStatus> list(PinQuery query) {
    checkOpen();
    List<PinStatus> matches = new ArrayList<>();
    store.visitNewestFirst(record -> {
      if (query.after() != null && !record.created().isAfter(query.after())) {
        return false;
      }
      if (matches(record, query)) {
        matches.add(record.status());
      }
      return matches.size() < query.limit();
    });
    return matches;
  }

  /** Removes the record at once; the backends are then asked to drop the content unless another pin names it. */
  @Override
  public boolean unpin(String requestId) {
    checkOpen();
    PinRecord record;
    boolean contentReleased;
    synchronized (writeLock) {
      Optional<PinRecord> found = store.find(requestId);
      if (found.isEmpty()) {
        return false;
      }
      record = found.get();
      store.delete(record);
      metrics(record.state(), null);
      contentReleased = store.requestIdsOf(record.cid()).isEmpty();
    }
    if (contentReleased) {
      unpinFromBackends(record);
    }
    return true;
  }

  @Override
  public List<Cid> pinnedRoots() {
    checkOpen();
    return store.roots();
  }

  /**
   * Refuses further calls, releases the retries waiting in the queue (so stopping the route then waits for no
   * backoff) and unregisters the metrics. The route itself is stopped with its context.
   */
  @Override
  public void close() {
    closed = true;
    releaseRetries();
    metrics.remove();
  }

  // The queue's side, called by PinQueueRoute.

  /** The timer the queue route schedules retries on. */
  void retriesOn(RetryTimer timer) {
    retryTimer = timer;
  }

  /** The queue stops: waiting retries run now and end without an attempt. */
  void releaseRetries() {
    releasing = true;
    RetryTimer timer = retryTimer;
    if (timer != null) {
      timer.releaseWaiting();
    }
  }

  void queueStarted(CamelContext context) {
    releasing = closed;
    ExecutorService resumer = context.getExecutorServiceManager().newSingleThreadExecutor(this, "ipfs-pin-resume");
    Dispatcher started = new Dispatcher(context.createProducerTemplate(), resumer, context);
    dispatcher = started;
    resumer.execute(() -> resume(started));
  }

  void queueStopped() {
    Dispatcher stopped = dispatcher;
    dispatcher = null;
    if (stopped != null) {
      stopped.context().getExecutorServiceManager().shutdownNow(stopped.resumer());
      try {
        stopped.producer().close();
      } catch (java.io.IOException | RuntimeException e) {
        LOG.debug("closing the pin queue's producer failed", e);
      }
    }
    inQueue.clear();
  }

  /**
   * One attempt: marks the backend pinning, calls it, records the outcome or hands a retryable failure to Camel. A pin
   * store that cannot record (a full disk) fails the attempt retryably: attempts are idempotent, so the retry records
   * what this one could not.
   */
  void attempt(Exchange exchange) {
    PinTask task = exchange.getIn().getBody(PinTask.class);
    if (releasing || exchange.getContext().isStopping()) {
      // A retry released by a stop: leave the pin to resume at the next start, and let the stop go on.
      inQueue.remove(task);
      return;
    }
    PinBackend backend = backends.get(task.backend());
    BackendPin pin;
    try {
      pin = begin(task, backend);
    } catch (IpfsException e) {
      throw unrecorded(e);
    }
    if (pin == null) {
      inQueue.remove(task);
      return;
    }
    exchange.setProperty(ATTEMPT_PIN, pin);
    try {
      backend.pin(pin);
    } catch (PinAttemptException e) {
      failed(task, pin, e);
      return;
    } catch (RuntimeException e) {
      failed(task, pin, new PinAttemptException("backend " + backend.name() + " failed: " + e.getMessage(), true, e));
      return;
    }
    recording(() -> finish(task, pin, PinState.PINNED, null));
  }

  /** Counts the attempt and marks the backend pinning; null when there is nothing to attempt (gone or finished). */
  private BackendPin begin(PinTask task, PinBackend backend) {
    synchronized (writeLock) {
      Optional<PinRecord> found = store.find(task.requestId());
      PinRecord.Backend part = found.map(record -> record.backend(task.backend())).orElse(null);
      if (part == null || part.finished() || backend == null) {
        return null;
      }
      PinRecord record = found.get();
      Instant now = clock.instant();
      update(record, record.withBackend(task.backend(), b -> new PinRecord.Backend(b.name(), PinState.PINNING,
          b.attempts() + 1, b.lastError(), now, b.reference())));
      return new BackendPin(record.cid(), record.name(), record.meta(), part.reference());
    }
  }

  /**
   * A failed attempt: one that is not retryable fails the backend; a retryable one is recorded at once (the status
   * shows the error while the pin waits for its retry) and thrown for Camel to redeliver.
   */
  private void failed(PinTask task, BackendPin pin, PinAttemptException failure) {
    metrics.failedAttempt(task.backend());
    if (!failure.retryable()) {
      recording(() -> finish(task, pin, PinState.FAILED, failure.getMessage()));
      return;
    }
    try {
      synchronized (writeLock) {
        store.find(task.requestId()).ifPresent(record -> {
          Instant now = clock.instant();
          update(record, record.withBackend(task.backend(), b -> new PinRecord.Backend(b.name(), b.state(),
              b.attempts(), failure.getMessage(), now, pin.reference())));
        });
      }
    } catch (IpfsException e) {
      LOG.warn("Pin {} on {} failed ({}) and the pin store could not record it: {}", task.requestId(),
          task.backend(), failure.getMessage(), e.getMessage());
    }
    throw failure;
  }

  /** Runs a pin store update of an attempt; a store failure becomes a retryable failure of the attempt. */
  private static void recording(Runnable update) {
    try {
      update.run();
    } catch (IpfsException e) {
      throw unrecorded(e);
    }
  }

  private static PinAttemptException unrecorded(IpfsException storeFailure) {
    return new PinAttemptException("the pin store could not record the attempt: " + storeFailure.getMessage(), true,
        storeFailure);
  }

  /** Camel's onRedelivery, just before a retry runs: the failure itself was recorded when it happened. */
  void beforeRetry(Exchange exchange) {
    if (releasing) {
      return;
    }
    metrics.retry();
    PinTask task = exchange.getIn().getBody(PinTask.class);
    LOG.debug("retrying pin {} on {} after: {}", task.requestId(), task.backend(), errorOf(exchange));
  }

  /** Retries are exhausted: the backend failed with the last error, unless the queue is only shutting down. */
  void retriesEnded(Exchange exchange) {
    PinTask task = exchange.getIn().getBody(PinTask.class);
    Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    if (!(cause instanceof PinAttemptException) || exchange.getContext().isStopping()) {
      // A retry refused because the context stops: the pin stays pinning and resumes when the queue starts again.
      inQueue.remove(task);
      return;
    }
    BackendPin pin = exchange.getProperty(ATTEMPT_PIN, BackendPin.class);
    try {
      finish(task, pin, PinState.FAILED, cause.getMessage());
    } catch (IpfsException e) {
      LOG.warn("Pin {} on {} ran out of attempts ({}) and the pin store could not record it ({}); it is tried again "
          + "when the pin queue next starts", task.requestId(), task.backend(), cause.getMessage(), e.getMessage());
    }
  }

  private void finish(PinTask task, BackendPin pin, PinState outcome, String error) {
    inQueue.remove(task);
    boolean orphaned;
    synchronized (writeLock) {
      Optional<PinRecord> found = store.find(task.requestId());
      if (found.isPresent()) {
        Instant now = clock.instant();
        update(found.get(), found.get().withBackend(task.backend(), b -> new PinRecord.Backend(b.name(), outcome,
            b.attempts(), error, now, pin == null ? b.reference() : pin.reference())));
        orphaned = false;
      } else {
        orphaned = outcome == PinState.PINNED && store.requestIdsOf(pin.cid()).isEmpty();
      }
    }
    if (orphaned) {
      // Unpinned while this attempt ran: undo what it pinned, as unpin would have.
      unpinQuietly(backends.get(task.backend()), pin.cid(), pin.reference());
    }
  }

  private void resume(Dispatcher started) {
    List<PinRecord> unfinished = new ArrayList<>();
    store.visitAll(record -> {
      if (record.backends().stream().anyMatch(part -> !part.finished())) {
        unfinished.add(record);
      }
      return true;
    });
    for (PinRecord stored : unfinished) {
      if (dispatcher != started) {
        return;
      }
      PinRecord record = failUnconfiguredBackends(stored);
      if (record != null) {
        dispatch(record);
      }
    }
    if (!unfinished.isEmpty()) {
      LOG.info("Pin queue resumed {} unfinished pins", unfinished.size());
    }
  }

  /** Marks failed the parts of a stored pin whose backend is no longer configured; null when the pin is gone. */
  private PinRecord failUnconfiguredBackends(PinRecord stored) {
    synchronized (writeLock) {
      Optional<PinRecord> found = store.find(stored.requestId());
      if (found.isEmpty()) {
        return null;
      }
      PinRecord record = found.get();
      PinRecord updated = record;
      Instant now = clock.instant();
      for (PinRecord.Backend part : record.backends()) {
        if (!part.finished() && !backends.containsKey(part.name())) {
          updated = updated.withBackend(part.name(), b -> b.withState(PinState.FAILED,
              "backend " + b.name() + " is no longer configured", now));
        }
      }
      if (updated != record) {
        update(record, updated);
      }
      return updated;
    }
  }

  private void dispatch(PinRecord record) {
    Dispatcher running = dispatcher;
    if (running == null) {
      return;
    }
    for (PinRecord.Backend part : record.backends()) {
      PinTask task = new PinTask(record.requestId(), part.name());
      if (!part.finished() && backends.containsKey(part.name()) && inQueue.add(task)) {
        try {
          running.producer().sendBody(PinQueueRoute.endpoint(settings), task);
        } catch (RuntimeException e) {
          inQueue.remove(task);
          LOG.debug("pin {} on {} stays queued until the pin queue runs: {}", task.requestId(), task.backend(),
              e.getMessage());
        }
      }
    }
  }

  private PinRecord newRecord(PinRequest request) {
    checkOpen();
    int target = request.replicationTarget() == 0 ? settings.replicationTarget() : request.replicationTarget();
    if (target > backends.size()) {
      throw new IpfsException(Kind.INVALID_DATA, "replication target " + target + " is more than the "
          + backends.size() + " configured pin backends " + backends.keySet());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // Strictly increasing creation times keep "newest first" exact for pins made within one millisecond.
    Instant created = now.isAfter(lastCreated) ? now : lastCreated.plusMillis(1);
    lastCreated = created;
    List<PinRecord.Backend> parts = new ArrayList<>();
    for (String name : backends.keySet()) {
      parts.add(new PinRecord.Backend(name, PinState.QUEUED, 0, null, created, null));
    }
    return new PinRecord(newRequestId(), request.cid(), request.name(), request.meta(), target, created, parts);
  }

  /** Random, unguessable and URL-safe: 144 bits in base64url, without padding. */
  private String newRequestId() {
    byte[] bytes = new byte[REQUEST_ID_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private void update(PinRecord before, PinRecord after) {
    store.put(after);
    metrics(before.state(), after.state());
  }

  private void metrics(PinState before, PinState after) {
    metrics.transition(before, after);
  }

  private void unpinFromBackends(PinRecord record) {
    for (PinRecord.Backend part : record.backends()) {
      PinBackend backend = backends.get(part.name());
      // A backend never attempted holds nothing of this pin.
      if (backend != null && (part.state() != PinState.QUEUED || part.reference() != null)) {
        unpinQuietly(backend, record.cid(), part.reference());
      }
    }
  }

  private static void unpinQuietly(PinBackend backend, Cid cid, String reference) {
    try {
      backend.unpin(cid, reference);
    } catch (RuntimeException e) {
      LOG.warn("Could not remove the pin of {} from backend {} ({}); it stays there until removed by hand", cid,
          backend.name(), e.getMessage());
    }
  }

  private static boolean matches(PinRecord record, PinQuery query) {
    return (query.cids().isEmpty() || query.cids().contains(record.cid()))
        && (query.name() == null || query.name().isEmpty() || query.name().equals(record.name()))
        && (query.states().isEmpty() || query.states().contains(record.state()))
        && (query.before() == null || record.created().isBefore(query.before()));
  }

  private static String errorOf(Exchange exchange) {
    Throwable cause = exchange.getException() != null ? exchange.getException()
        : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    return cause == null ? "unknown failure" : cause.getMessage();
  }

  private static IpfsException notFound(String requestId) {
    return new IpfsException(Kind.NOT_FOUND, "no pin with request id " + requestId);
  }

  private void checkOpen() {
    if (closed) {
      throw new IpfsException(Kind.UNAVAILABLE, "the pin manager is closed");
    }
  }
}
