package io.citrate.consensus.internal.store;

import io.citrate.consensus.api.BlockStatus;
import io.citrate.core.api.Hash;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The status of every block consensus has processed: one byte ({@code 1} valid, {@code 2} invalid),
 * followed for an invalid block by the reason in UTF-8, so a block is judged once and peers can be told
 * why.
 */
public final class KeyValueBlockStatusStore {
  public static final StoreName STORE_NAME = StoreName.of("block-status");

  private static final byte VALID = 1;
  private static final byte INVALID = 2;
  /** Long enough for any rule violation message; keeps a hostile block from storing an essay. */
  private static final int MAX_REASON_BYTES = 512;

  /** Statuses kept in memory: every block's parents are looked up, and the recent ones over and over. */
  private static final int CACHE_CAPACITY = 50_000;

  private final KeyValueStore store;
  /** Only statuses read back from the store are cached, and a block is judged once, so none goes stale. */
  private final Map<Hash, BlockStatus> cache = new LinkedHashMap<>(1 << 12, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, BlockStatus> eldest) {
      return size() > CACHE_CAPACITY;
    }
  };

  public KeyValueBlockStatusStore(KeyValueStore store) {
    this.store = store;
  }

  public Optional<BlockStatus> status(Hash block) {
    synchronized (cache) {
      BlockStatus cached = cache.get(block);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    Optional<BlockStatus> status = store.get(STORE_NAME, block.unsafeBytes()).map(value -> decodeStatus(block, value));
    status.ifPresent(found -> {
      synchronized (cache) {
        cache.put(block, found);
      }
    });
    return status;
  }

  /** Why the block was found invalid; empty when it is valid or unknown. */
  public Optional<String> rejectionReason(Hash block) {
    return store.get(STORE_NAME, block.unsafeBytes())
        .filter(value -> decodeStatus(block, value) == BlockStatus.INVALID)
        .map(value -> new String(value, 1, value.length - 1, StandardCharsets.UTF_8));
  }

  public void stageValid(WriteBatch batch, Hash block) {
    batch.put(STORE_NAME, block.unsafeBytes(), new byte[] {VALID});
  }

  public void stageInvalid(WriteBatch batch, Hash block, String reason) {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] value = new byte[1 + Math.min(text.length, MAX_REASON_BYTES)];
    value[0] = INVALID;
    System.arraycopy(text, 0, value, 1, value.length - 1);
    batch.put(STORE_NAME, block.unsafeBytes(), value);
  }

  private static BlockStatus decodeStatus(Hash block, byte[] value) {
    if (value.length >= 1 && value[0] == VALID && value.length == 1) {
      return BlockStatus.VALID;
    }
    if (value.length >= 1 && value[0] == INVALID) {
      return BlockStatus.INVALID;
    }
    throw new CorruptBlockDataException(STORE_NAME.value(), block,
        new IllegalStateException("unknown status record " + Arrays.toString(value)));
  }
}
