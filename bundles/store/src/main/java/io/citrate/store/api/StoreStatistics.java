package io.citrate.store.api;

/** One named store and its number of entries. */
public record StoreStatistics(StoreName name, long entryCount) {}
