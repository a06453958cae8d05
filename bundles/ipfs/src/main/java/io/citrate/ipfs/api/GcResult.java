package io.citrate.ipfs.api;

import java.time.Duration;

/** What one garbage collection did: blocks and bytes removed, blocks kept, and how long it took. */
public record GcResult(long blocksRemoved, long bytesRemoved, long blocksKept, Duration elapsed) {}
