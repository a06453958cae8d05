package io.citrate.rpc.internal.methods;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.core.api.Hash;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.ChainEventListener;
import io.citrate.node.api.Node;
import io.citrate.txpool.api.TransactionPool;
import io.citrate.vm.api.Log;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the WebSocket subscriptions from the node's chain events. The node's events thread only hands each event
 * to a single dispatcher thread here (a bounded queue; an event that finds it full is dropped and counted), so no
 * client and no formatting ever holds the node up. The dispatcher formats each notification and offers it to the
 * subscriber's outbound queue, in event order: for a head change first the logs of the blocks that left the
 * selected chain again with {@code removed: true} (as geth does), then each joining block's header and logs.
 * Its metrics ({@code citrate.metrics.prefix=citrate.rpc.ws}): connections, subscriptions, events dropped.
 */
@Component(service = {ChainEventListener.class, SubscriptionHub.class})
public final class SubscriptionHub implements ChainEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHub.class);
  private static final int EVENT_QUEUE = 10_000;

  private final Node node;
  private final TransactionPool pool;
  private final Executor dispatcher;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final MetricRegistry metrics = new MetricRegistry();
  private final Counter eventsDropped = metrics.counter("events.dropped");
  /** Set by the component's constructor only; tests build hubs without publishing metrics. */
  private ServiceRegistration<MetricSet> metricsRegistration;

  @Activate
  public SubscriptionHub(@Reference Node node, @Reference TransactionPool pool, BundleContext context) {
    this(node, pool, dispatcherThread());
    Dictionary<String, Object> properties = new Hashtable<>();
    properties.put("citrate.metrics.prefix", "citrate.rpc.ws");
    this.metricsRegistration = context.registerService(MetricSet.class, metrics, properties);
  }

  /** A hub that runs each event's work on {@code dispatcher}; tests pass one that runs it at once. */
  SubscriptionHub(Node node, TransactionPool pool, Executor dispatcher) {
    this.node = node;
    this.pool = pool;
    this.dispatcher = dispatcher;
    metrics.register("connections", (Gauge<Integer>) subscribers::size);
    metrics.register("subscriptions",
        (Gauge<Integer>) () -> subscribers.stream().mapToInt(Subscriber::subscriptionCount).sum());
  }

  private static ThreadPoolExecutor dispatcherThread() {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(EVENT_QUEUE),
        task -> {
          Thread thread = new Thread(task, "citrate-rpc-subscriptions");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Deactivate
  void deactivate() {
    if (metricsRegistration != null) {
      metricsRegistration.unregister();
    }
    if (dispatcher instanceof ThreadPoolExecutor executor) {
      executor.shutdownNow();
    }
  }

  /** Starts feeding {@code subscriber}'s subscriptions. */
  public void register(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  /** Stops feeding {@code subscriber}: its connection is gone. */
  public void unregister(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  /** Connections registered now. */
  public int connections() {
    return subscribers.size();
  }

  public MetricRegistry metrics() {
    return metrics;
  }

  @Override
  public void onChainEvent(ChainEvent event) {
    if (subscribers.isEmpty()) {
      return;
    }
    try {
      dispatcher.execute(() -> dispatch(event));
    } catch (RejectedExecutionException e) {
      eventsDropped.inc();
      LOG.warn("Subscription notifications fall behind; a chain event was dropped");
    }
  }

  private void dispatch(ChainEvent event) {
    subscribers.removeIf(subscriber -> !subscriber.isOpen());
    try {
      if (event instanceof ChainEvent.HeadChanged headChanged) {
        headChanged(headChanged);
      } else if (event instanceof ChainEvent.TransactionPending pending) {
        transactionPending(pending.transaction());
      }
    } catch (RuntimeException e) {
      LOG.error("Subscription notifications for {} failed", event, e);
    }
  }

  private void headChanged(ChainEvent.HeadChanged event) {
    boolean heads = anySubscribed(Subscription.NewHeads.class);
    boolean logs = anySubscribed(Subscription.Logs.class);
    if (logs) {
      for (Hash removed : event.removed()) {
        node.acceptance(removed).ifPresent(block -> notifyLogs(block, true));
      }
    }
    if (!heads && !logs) {
      return;
    }
    for (Hash added : event.added()) {
      node.acceptance(added).ifPresent(block -> {
        if (heads) {
          notifyHead(block);
        }
        if (logs) {
          notifyLogs(block, false);
        }
      });
    }
  }

  private boolean anySubscribed(Class<? extends Subscription> kind) {
    return subscribers.stream()
        .anyMatch(subscriber -> subscriber.active().values().stream().anyMatch(kind::isInstance));
  }

  private void notifyHead(BlockAcceptance block) {
    ObjectNode header = EthObjects.header(block);
    for (Subscriber subscriber : subscribers) {
      subscriber.active().forEach((id, subscription) -> {
        if (subscription instanceof Subscription.NewHeads) {
          subscriber.notify(id, header);
        }
      });
    }
  }

  private void notifyLogs(BlockAcceptance block, boolean removed) {
    for (Subscriber subscriber : subscribers) {
      for (Map.Entry<String, Subscription> entry : subscriber.active().entrySet()) {
        if (entry.getValue() instanceof Subscription.Logs wanted
            && wanted.filter().mayMatch(block.header().logsBloom())) {
          int logIndex = 0;
          for (AcceptedTransaction accepted : block.transactions()) {
            for (Log log : accepted.receipt().logs()) {
              if (wanted.filter().matches(log)) {
                subscriber.notify(entry.getKey(), EthObjects.log(log, accepted, block, logIndex, removed));
              }
              logIndex++;
            }
          }
        }
      }
    }
  }

  private void transactionPending(Hash transaction) {
    for (Subscriber subscriber : subscribers) {
      subscriber.active().forEach((id, subscription) -> {
        if (subscription instanceof Subscription.PendingTransactions pending) {
          if (!pending.full()) {
            subscriber.notify(id, JsonNodeFactory.instance.textNode(transaction.toHex()));
          } else {
            // Already mined or evicted by the time the dispatcher gets here: nothing left to show.
            pool.get(transaction).ifPresent(found -> subscriber.notify(id, EthObjects.pendingTransaction(found)));
          }
        }
      });
    }
  }
}
