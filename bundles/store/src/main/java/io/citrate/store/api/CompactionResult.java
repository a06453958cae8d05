package io.citrate.store.api;

import java.time.Duration;

/** What a compaction achieved: size before and after, and how long it took. */
public record CompactionResult(long sizeBeforeBytes, long sizeAfterBytes, Duration elapsed) {

  /** Bytes given back; negative when live data moved but the old files were still in use. */
  public long reclaimedBytes() {
    return sizeBeforeBytes - sizeAfterBytes;
  }
}
