package io.citrate.store.api;

/** Latencies of recent operations, in milliseconds. */
public record LatencySummary(double meanMillis, double medianMillis, double p99Millis, double maxMillis) {}
