package io.citrate.store.internal;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.citrate.store.api.CompactionResult;
import io.citrate.store.api.EntryVisitor;
import io.citrate.store.api.InvalidStoreInputException;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueSnapshot;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StorageStatistics;
import io.citrate.store.api.StoreClosedException;
import io.citrate.store.api.StoreFailureException;
import io.citrate.store.api.StoreLimits;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.StoreStatistics;
import io.citrate.store.api.WriteBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import jetbrains.exodus.ArrayByteIterable;
import jetbrains.exodus.ExodusException;
import jetbrains.exodus.env.EnvironmentConfig;
import jetbrains.exodus.env.EnvironmentImpl;
import jetbrains.exodus.env.Environments;
import jetbrains.exodus.env.Store;
import jetbrains.exodus.env.StoreConfig;
import jetbrains.exodus.env.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link KeyValueStore}: one Xodus environment, one Xodus store per name (B+trees,
 * keys compared as unsigned bytes). Every read runs in a read-only transaction, so it sees one committed
 * state; every batch commits in one exclusive transaction, so it is applied whole or not at all, and
 * with durable writes it is synced before {@link #commit} returns. Thread-safe.
 */
public final class XodusKeyValueStore implements KeyValueStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(XodusKeyValueStore.class);
  private static final Duration CLEANING_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration DELETION_GRACE = Duration.ofSeconds(30);
  // B+trees, not Patricia trees: a Patricia cursor walking backwards visits a key before the longer keys
  // it prefixes, which breaks descending scans.
  private static final StoreConfig NEW_STORE = StoreConfig.WITHOUT_DUPLICATES;

  private final Path directory;
  private final EnvironmentImpl environment;
  private final XodusReads reads;
  private final StoreMetrics metrics;
  private final LogCompactor compactor;
  private volatile boolean closed;

  /** Opens (or creates) the environment in {@code settings.directory()}, recovering it after a crash. */
  public XodusKeyValueStore(XodusStoreSettings settings, MetricRegistry registry) {
    this.directory = settings.directory().toAbsolutePath().normalize();
    this.environment = open(directory, settings);
    this.reads = new XodusReads(environment);
    this.compactor = new LogCompactor(environment,
        Duration.ofMillis(settings.gcFilesDeletionDelayMillis()).plus(DELETION_GRACE));
    this.metrics = new StoreMetrics(registry, this::sizeOnDisk, () -> storeNames().size());
  }

  /**
   * Opens (or creates) a store in {@code directory} with the production defaults, for code that runs
   * without Config Admin: tools, benchmarks and other bundles' tests. {@code durableWrites} false skips
   * the fsync per commit, for throwaway data only.
   */
  public static XodusKeyValueStore open(Path directory, boolean durableWrites) {
    XodusStoreSettings defaults = XodusStoreSettings.defaults(directory);
    return new XodusKeyValueStore(new XodusStoreSettings(defaults.directory(), defaults.cacheSize(), durableWrites,
        defaults.gcEnabled(), defaults.gcMinUtilization(), defaults.gcFilesDeletionDelayMillis()),
        new MetricRegistry());
  }

  private static EnvironmentImpl open(Path directory, XodusStoreSettings settings) {
    EnvironmentConfig config = new EnvironmentConfig()
        .setLogDurableWrite(settings.durableWrites())
        .setGcEnabled(settings.gcEnabled())
        .setGcMinUtilization(settings.gcMinUtilization())
        .setGcFilesDeletionDelay(settings.gcFilesDeletionDelayMillis())
        // Metrics go through Dropwizard; Xodus's own MBeans would clash between environments.
        .setManagementEnabled(false)
        // Deactivation must close even if a caller leaked a snapshot.
        .setEnvCloseForcedly(true);
    if (settings.cacheSize().isHeapPercent()) {
      config.setMemoryUsagePercentage(settings.cacheSize().heapPercent());
    } else {
      config.setMemoryUsage(settings.cacheSize().bytes());
    }
    // Xodus finds its file reader through ServiceLoader and the context class loader; in OSGi that must
    // be the loader of the bundle that embeds Xodus.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(XodusKeyValueStore.class.getClassLoader());
    try {
      return (EnvironmentImpl) Environments.newInstance(directory.toFile(), config);
    } catch (ExodusException failure) {
      throw new StoreFailureException("cannot open the store in " + directory + ": " + failure.getMessage(), failure);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void commit(WriteBatch batch) {
    if (batch == null) {
      throw new InvalidStoreInputException("batch is null");
    }
    checkOpen();
    if (batch.isEmpty()) {
      return;
    }
    Timer.Context timing = metrics.startCommit();
    Transaction txn = null;
    try {
      txn = environment.beginExclusiveTransaction();
      apply(batch, txn);
      if (!txn.commit()) {
        throw new ExodusException("an exclusive transaction was refused its commit");
      }
      timing.stop();
    } catch (ExodusException failure) {
      metrics.commitFailed();
      throw translate("commit of " + batch.size() + " operations", failure);
    } finally {
      if (txn != null && !txn.isFinished()) {
        txn.abort();
      }
    }
  }

  private void apply(WriteBatch batch, Transaction txn) {
    for (WriteBatch.Operation operation : batch.operations()) {
      String name = operation.store().value();
      if (operation instanceof WriteBatch.Put put) {
        Store store = environment.openStore(name, NEW_STORE, txn);
        store.put(txn, new ArrayByteIterable(put.key()), new ArrayByteIterable(put.value()));
      } else {
        Store store = environment.openStore(name, StoreConfig.USE_EXISTING, txn, false);
        if (store != null) {
          store.delete(txn, new ArrayByteIterable(operation.key()));
        }
      }
    }
  }

  @Override
  public Optional<byte[]> get(StoreName store, byte[] key) {
    checkPointRead(store, key);
    return Optional.ofNullable(timedRead(txn -> reads.get(txn, store, key)));
  }

  @Override
  public boolean contains(StoreName store, byte[] key) {
    checkPointRead(store, key);
    return timedRead(txn -> reads.get(txn, store, key) != null);
  }

  @Override
  public long count(StoreName store) {
    checkName(store);
    return read(txn -> reads.count(txn, store));
  }

  @Override
  public List<StoreName> storeNames() {
    return read(reads::storeNames);
  }

  @Override
  public void scan(StoreName store, KeyRange range, EntryVisitor visitor) {
    checkScan(store, range, visitor);
    read(txn -> {
      reads.scan(txn, store, range, visitor);
      return null;
    });
  }

  @Override
  public void scanDescending(StoreName store, KeyRange range, EntryVisitor visitor) {
    checkScan(store, range, visitor);
    read(txn -> {
      reads.scanDescending(txn, store, range, visitor);
      return null;
    });
  }

  @Override
  public KeyValueSnapshot snapshot() {
    checkOpen();
    try {
      return new XodusSnapshot(environment.beginReadonlyTransaction(), reads, this);
    } catch (ExodusException failure) {
      throw translate("snapshot", failure);
    }
  }

  @Override
  public StorageStatistics statistics() {
    List<StoreStatistics> stores = read(txn -> reads.storeNames(txn).stream()
        .map(name -> new StoreStatistics(name, reads.count(txn, name)))
        .toList());
    return new StorageStatistics(directory.toString(), sizeOnDisk(), stores,
        metrics.commitCount(), metrics.failedCommitCount(), Optional.of(metrics.commitLatency()),
        metrics.readCount(), Optional.of(metrics.readLatency()));
  }

  @Override
  public CompactionResult compact() {
    checkOpen();
    long started = System.nanoTime();
    long sizeBefore = sizeOnDisk();
    try {
      if (!compactor.compact(CLEANING_TIMEOUT)) {
        LOG.info("Compaction of {} done; some cleaned files are still read and will be deleted afterwards", directory);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new StoreFailureException("compaction was interrupted", interrupted);
    } catch (TimeoutException | IllegalStateException | ExodusException failure) {
      throw translate("compaction", failure);
    }
    return new CompactionResult(sizeBefore, sizeOnDisk(), Duration.ofNanos(System.nanoTime() - started));
  }

  public Path directory() {
    return directory;
  }

  /** Closes the environment; later calls throw {@link StoreClosedException}. Closing twice is harmless. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    metrics.close();
    try {
      environment.close();
    } catch (ExodusException failure) {
      throw new StoreFailureException("closing the store in " + directory + " failed", failure);
    }
  }

  <T> T readInSnapshot(Transaction txn, Function<Transaction, T> work) {
    checkOpen();
    try {
      return work.apply(txn);
    } catch (ExodusException failure) {
      throw translate("snapshot read", failure);
    }
  }

  private <T> T timedRead(Function<Transaction, T> work) {
    Timer.Context timing = metrics.startRead();
    T result = read(work);
    timing.stop();
    return result;
  }

  private <T> T read(Function<Transaction, T> work) {
    checkOpen();
    Transaction txn;
    try {
      txn = environment.beginReadonlyTransaction();
    } catch (ExodusException failure) {
      throw translate("read", failure);
    }
    try {
      return work.apply(txn);
    } catch (ExodusException failure) {
      throw translate("read", failure);
    } finally {
      txn.abort();
    }
  }

  private long sizeOnDisk() {
    return DirectorySize.of(directory);
  }

  boolean isClosed() {
    return closed;
  }

  void checkOpen() {
    if (closed) {
      throw new StoreClosedException("the store in " + directory + " is closed");
    }
  }

  private RuntimeException translate(String operation, Exception failure) {
    if (closed || !environment.isOpen()) {
      return new StoreClosedException("the store in " + directory + " closed during " + operation);
    }
    return new StoreFailureException(operation + " failed in " + directory + ": " + failure.getMessage(), failure);
  }

  static void checkName(StoreName store) {
    if (store == null) {
      throw new InvalidStoreInputException("store name is null");
    }
  }

  static void checkPointRead(StoreName store, byte[] key) {
    checkName(store);
    StoreLimits.checkKey(key);
  }

  static void checkScan(StoreName store, KeyRange range, EntryVisitor visitor) {
    checkName(store);
    if (range == null) {
      throw new InvalidStoreInputException("key range is null");
    }
    if (visitor == null) {
      throw new InvalidStoreInputException("visitor is null");
    }
  }
}
