package io.citrate.store.internal;

import com.codahale.metrics.MetricRegistry;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Child process of {@link XodusCrashRecoveryTest}: commits numbered batches across three stores with
 * durable writes, forever, printing each batch number once its commit has returned. The test kills it.
 */
public final class CrashingWriter {
  static final StoreName BLOCKS = StoreName.of("blocks");
  static final StoreName RECEIPTS = StoreName.of("receipts");
  static final StoreName META = StoreName.of("meta");
  static final byte[] LAST = "last".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final int VALUE_SIZE = 3000;

  private CrashingWriter() {}

  public static void main(String[] args) {
    XodusStoreSettings settings = XodusStoreSettings.defaults(Path.of(args[0]));
    XodusKeyValueStore store = new XodusKeyValueStore(settings, new MetricRegistry());
    long next = store.get(META, LAST).map(CrashingWriter::number).orElse(0L) + 1;
    for (long batchNumber = next; ; batchNumber++) {
      store.commit(batch(batchNumber));
      System.out.println(batchNumber);
      System.out.flush();
    }
  }

  static WriteBatch batch(long number) {
    byte[] key = key(number);
    byte[] value = new byte[VALUE_SIZE];
    ByteBuffer.wrap(value).putLong(number);
    return new WriteBatch()
        .put(BLOCKS, key, value)
        .put(RECEIPTS, key, key)
        .put(META, LAST, key);
  }

  static byte[] key(long number) {
    return ByteBuffer.allocate(Long.BYTES).putLong(number).array();
  }

  static long number(byte[] key) {
    return ByteBuffer.wrap(key).getLong();
  }
}
