package io.citrate.consensus.internal.ghostdag;

import com.codahale.metrics.MetricRegistry;
import io.citrate.store.internal.XodusKeyValueStore;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Opens the node's Xodus store in a test directory. Its settings record is private to the store bundle,
 * so it is built reflectively with the store's own fast test settings: 16 MiB cache, no fsync, garbage
 * collection on.
 */
final class XodusStores {
  private XodusStores() {}

  static XodusKeyValueStore open(Path directory) {
    try {
      Class<?> cacheSizeType = Class.forName("io.citrate.store.internal.CacheSize");
      Method ofBytes = cacheSizeType.getDeclaredMethod("ofBytes", long.class);
      ofBytes.setAccessible(true);
      Object cacheSize = ofBytes.invoke(null, 16L * 1024 * 1024);
      Class<?> settingsType = Class.forName("io.citrate.store.internal.XodusStoreSettings");
      Constructor<?> constructor = settingsType.getDeclaredConstructor(
          Path.class, cacheSizeType, boolean.class, boolean.class, int.class, int.class);
      constructor.setAccessible(true);
      Object settings = constructor.newInstance(directory, cacheSize, false, true, 50, 0);
      Constructor<XodusKeyValueStore> storeConstructor =
          XodusKeyValueStore.class.getConstructor(settingsType, MetricRegistry.class);
      return storeConstructor.newInstance(settings, new MetricRegistry());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot open a Xodus store in " + directory, e);
    }
  }
}
