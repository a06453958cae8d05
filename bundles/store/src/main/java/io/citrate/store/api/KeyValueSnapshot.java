package io.citrate.store.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A consistent, unchanging view of every store as of one commit: reads across several calls and stores
 * agree. Holds old data alive until closed, so close it promptly; reads after close throw
 * {@link StoreClosedException}.
 */
@ProviderType
public interface KeyValueSnapshot extends KeyValueStoreReader, AutoCloseable {
  @Override
  void close();
}
