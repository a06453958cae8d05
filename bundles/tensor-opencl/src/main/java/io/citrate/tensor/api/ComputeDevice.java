package io.citrate.tensor.api;

/**
 * A device a backend can run on, for operators: its platform and name, its compute units, its global and
 * local memory in bytes, and whether the backend runs on it now.
 */
public record ComputeDevice(String platform, String name, String type, int computeUnits, long globalMemoryBytes,
    long localMemoryBytes, boolean inUse) {}
