package io.citrate.ipfs.api;

import java.time.Instant;

/**
 * One backend's part of a pin.
 *
 * @param backend the backend's configured name ({@code local}, {@code kubo}, {@code remote}, …)
 * @param state where the pin stands on that backend
 * @param attempts attempts made so far
 * @param lastError the last attempt's failure, or null
 * @param updated when this status last changed
 */
public record BackendPinStatus(String backend, PinState state, int attempts, String lastError, Instant updated) {}
