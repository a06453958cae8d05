package io.citrate.ipfs.internal.pin;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Route {@value #ROUTE_ID}: each exchange is one attempt to pin one pin on one backend. A retryable failure is tried
 * again under Camel's redelivery policy (exponential backoff up to the settings' limits); the wait is scheduled
 * rather than slept, so a pin waiting for its retry holds no consumer and other pins go on. Exhausted retries, or a
 * failure that is not retryable, mark that backend failed. Pins recorded while the route is not running are
 * dispatched when it starts.
 *
 * <p>Stopping: when the context stops, or the manager closes (before its component stops the route), every retry
 * waiting on the {@link RetryTimer} is released and ends without an attempt, so the stop waits for no backoff; the
 * pin keeps its state (pinning) and resumes when the queue starts again. Nothing is marked failed by a stop.
 */
final class PinQueueRoute extends RouteBuilder {
  static final String ROUTE_ID = "ipfs-pin-queue";
  /** Attempts waiting for a consumer; beyond this, dispatching waits for room. */
  static final int QUEUE_SIZE = 100_000;

  /** How long an idle consumer waits on the queue; stopping the route waits for it once. */
  static final int POLL_TIMEOUT_MILLIS = 250;

  private final PinManager manager;
  private final PinSettings settings;
  private final RetryTimer retryTimer = new RetryTimer();

  PinQueueRoute(PinManager manager, PinSettings settings) {
    this.manager = manager;
    this.settings = settings;
  }

  /** The queue's endpoint, the same for the consumer and for dispatch (seda refuses a second size for one queue). */
  static String endpoint(PinSettings settings) {
    return "seda:" + ROUTE_ID + "?size=" + QUEUE_SIZE + "&blockWhenFull=true&pollTimeout=" + POLL_TIMEOUT_MILLIS
        + "&concurrentConsumers=" + settings.concurrency();
  }

  @Override
  public void configure() {
    manager.retriesOn(retryTimer);
    errorHandler(defaultErrorHandler().executorService(retryTimer.executor()));
    // The context resolves onException's classes by name with its own class resolver; the node's context (another
    // bundle) cannot load this bundle's private classes, so the type is checked by a predicate instead.
    onException(RuntimeException.class)
        .onWhen(exchange -> exchange.getException() instanceof PinAttemptException)
        .maximumRedeliveries(settings.maxAttempts() - 1)
        .redeliveryDelay(settings.initialDelay().toMillis())
        .useExponentialBackOff()
        .backOffMultiplier(settings.backoffMultiplier())
        .maximumRedeliveryDelay(settings.maxDelay().toMillis())
        .asyncDelayedRedelivery()
        // Retries are the normal course of a pin: recorded in its status and metrics, not logged as errors.
        .retryAttemptedLogLevel(LoggingLevel.DEBUG)
        .retriesExhaustedLogLevel(LoggingLevel.DEBUG)
        .logStackTrace(false)
        .onRedelivery(manager::beforeRetry)
        .handled(true)
        .process(manager::retriesEnded);

    from(endpoint(settings)).routeId(ROUTE_ID)
        .routePolicy(new Lifecycle())
        .process(manager::attempt);
  }

  /**
   * Starts dispatching when the route starts, and stops it when the route stops. A builder configures its routes once
   * and may be added to several contexts in turn (a node context that restarts), so the hook that releases waiting
   * retries when a context stops is added to each context the route starts in.
   */
  private final class Lifecycle extends RoutePolicySupport {
    private final Set<CamelContext> hooked = Collections.newSetFromMap(new WeakHashMap<>());

    @Override
    public void onStart(Route route) {
      CamelContext context = route.getCamelContext();
      synchronized (hooked) {
        if (hooked.add(context)) {
          context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext stopping) {
              manager.releaseRetries();
            }
          });
        }
      }
      manager.queueStarted(context);
    }

    @Override
    public void onStop(Route route) {
      manager.queueStopped();
    }

    @Override
    public void onSuspend(Route route) {
      manager.queueStopped();
    }

    @Override
    public void onResume(Route route) {
      manager.queueStarted(route.getCamelContext());
    }

    @Override
    public void onRemove(Route route) {
      manager.queueStopped();
    }
  }
}
