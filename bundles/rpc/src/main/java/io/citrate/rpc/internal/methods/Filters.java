package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Hash;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.ChainEventListener;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.internal.RpcConfiguration;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The installed polling filters of {@code eth_newFilter}, {@code eth_newBlockFilter} and
 * {@code eth_newPendingTransactionFilter}, fed by the node's chain events. On the events thread a filter only
 * queues hashes: new chain blocks, chain blocks a reorganisation removed, pending transactions; logs are read
 * when the filter is polled. A filter nobody used for {@code filters.timeout.seconds} is uninstalled; at most
 * {@code filters.max} live at once, and each keeps at most {@code filters.max.changes} changes, dropping the
 * oldest and remembering that it did.
 */
@Component(service = {Filters.class, ChainEventListener.class}, configurationPid = "io.citrate.rpc")
public final class Filters implements ChainEventListener {
  private static final int ID_BYTES = 16;

  enum Kind { LOGS, BLOCKS, PENDING_TRANSACTIONS }

  /**
   * A queued change: a chain block (for a logs filter, {@code removed} when a reorganisation took it off the
   * selected chain) or a pending transaction.
   */
  record Change(Hash hash, boolean removed) {}

  /** What a poll takes from a filter: its kind and query, and the changes since the previous poll. */
  record Poll(Kind kind, LogQuery query, List<Change> changes) {}

  /** One installed filter. Its buffer is written on the events thread and drained by polls, under its lock. */
  private static final class Filter {
    final Kind kind;
    final LogQuery query;
    private final ArrayDeque<Change> changes = new ArrayDeque<>();
    private boolean overflowed;
    private long lastUsedMillis;

    Filter(Kind kind, LogQuery query, long nowMillis) {
      this.kind = kind;
      this.query = query;
      this.lastUsedMillis = nowMillis;
    }

    synchronized void add(Change change, int capacity) {
      if (changes.size() == capacity) {
        changes.removeFirst();
        overflowed = true;
      }
      changes.addLast(change);
    }

    synchronized void touch(long nowMillis) {
      lastUsedMillis = nowMillis;
    }

    synchronized boolean idleSince(long thresholdMillis) {
      return lastUsedMillis < thresholdMillis;
    }

    /** Takes the queued changes; empty when some were dropped since the last poll (the buffer restarts empty). */
    synchronized Optional<List<Change>> drain(long nowMillis) {
      lastUsedMillis = nowMillis;
      Optional<List<Change>> drained = overflowed ? Optional.empty() : Optional.of(List.copyOf(changes));
      changes.clear();
      overflowed = false;
      return drained;
    }
  }

  private final Map<String, Filter> filters = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final LongSupplier clockMillis;
  private final long timeoutMillis;
  private final int maxFilters;
  private final int maxChanges;

  @Activate
  public Filters(RpcConfiguration configuration) {
    this(configuration, System::currentTimeMillis);
  }

  Filters(RpcConfiguration configuration, LongSupplier clockMillis) {
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    this.timeoutMillis = configuration.filters_timeout_seconds() * 1_000L;
    this.maxFilters = configuration.filters_max();
    this.maxChanges = configuration.filters_max_changes();
  }

  /** Installs a filter and answers its id; {@code query} is the logs filter's, null for the other kinds. */
  String install(Kind kind, LogQuery query) throws JsonRpcException {
    long now = clockMillis.getAsLong();
    expireIdle(now);
    // Two racing installs may both pass the check: the limit guards memory, one over it is harmless.
    if (filters.size() >= maxFilters) {
      throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "too many filters: at most " + maxFilters
          + " (filters.max) may be installed; uninstall filters no longer polled");
    }
    Filter filter = new Filter(kind, query, now);
    String id;
    do {
      id = newId();
    } while (filters.putIfAbsent(id, filter) != null);
    return id;
  }

  /** Takes the filter's changes since the previous poll. */
  Poll poll(String id) throws JsonRpcException {
    long now = clockMillis.getAsLong();
    Filter filter = live(id, now);
    Optional<List<Change>> changes = filter.drain(now);
    if (changes.isEmpty()) {
      throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "filter " + id + " dropped changes: more than "
          + maxChanges + " (filters.max.changes) since the last poll; poll more often, the filter goes on from now");
    }
    return new Poll(filter.kind, filter.query, changes.get());
  }

  /** The query of a logs filter, for {@code eth_getFilterLogs}; the filter counts as used. */
  LogQuery logQuery(String id) throws JsonRpcException {
    long now = clockMillis.getAsLong();
    Filter filter = live(id, now);
    if (filter.kind != Kind.LOGS) {
      throw notFound();
    }
    filter.touch(now);
    return filter.query;
  }

  boolean uninstall(String id) {
    expireIdle(clockMillis.getAsLong());
    return filters.remove(id) != null;
  }

  /** How many filters live: idle ones are uninstalled first. */
  int size() {
    expireIdle(clockMillis.getAsLong());
    return filters.size();
  }

  @Override
  public void onChainEvent(ChainEvent event) {
    expireIdle(clockMillis.getAsLong());
    if (event instanceof ChainEvent.HeadChanged moved) {
      for (Filter filter : filters.values()) {
        if (filter.kind == Kind.BLOCKS) {
          moved.added().forEach(block -> filter.add(new Change(block, false), maxChanges));
        } else if (filter.kind == Kind.LOGS) {
          // Removed blocks come lowest first, as geth sends the logs a reorganisation deleted.
          for (int i = moved.removed().size() - 1; i >= 0; i--) {
            filter.add(new Change(moved.removed().get(i), true), maxChanges);
          }
          moved.added().forEach(block -> filter.add(new Change(block, false), maxChanges));
        }
      }
    } else if (event instanceof ChainEvent.TransactionPending pending) {
      for (Filter filter : filters.values()) {
        if (filter.kind == Kind.PENDING_TRANSACTIONS) {
          filter.add(new Change(pending.transaction(), false), maxChanges);
        }
      }
    }
  }

  private Filter live(String id, long now) throws JsonRpcException {
    expireIdle(now);
    Filter filter = filters.get(id);
    if (filter == null) {
      throw notFound();
    }
    return filter;
  }

  private void expireIdle(long now) {
    long threshold = now - timeoutMillis;
    filters.values().removeIf(filter -> filter.idleSince(threshold));
  }

  private String newId() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return Quantities.quantity(new BigInteger(1, bytes));
  }

  /** A filter id parameter: the hex quantity {@link #install} answered. */
  static String id(JsonNode value) throws JsonRpcException {
    return Quantities.quantity(Quantities.bigQuantity(value, "filter id"));
  }

  static JsonRpcException notFound() {
    return new JsonRpcException(JsonRpcError.INVALID_INPUT, "filter not found");
  }
}
