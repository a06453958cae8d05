package io.citrate.store.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Named key-value stores with all-or-nothing writes across stores. The node has one, registered as an
 * OSGi service; {@link MemoryKeyValueStore} implements the same contract for tests.
 */
@ProviderType
public interface KeyValueStore extends KeyValueStoreReader {

  /**
   * Applies every operation of {@code batch} in one transaction, in order (the last write to a key wins).
   * When it returns, the batch is committed (and durable when the store is configured so); when it
   * throws, nothing of it was written. An empty batch does nothing.
   */
  void commit(WriteBatch batch);

  /** A consistent view of the current state for several reads; close it when done. */
  KeyValueSnapshot snapshot();

  /** Location, size, stores with their entry counts, and commit and read metrics. */
  StorageStatistics statistics();

  /** Reclaims space held by overwritten and deleted data, reporting the size before and after. */
  CompactionResult compact();
}
