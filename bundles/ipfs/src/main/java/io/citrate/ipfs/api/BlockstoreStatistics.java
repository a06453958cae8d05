package io.citrate.ipfs.api;

/** Blocks the node holds and their bytes. */
public record BlockstoreStatistics(long blocks, long bytes) {}
