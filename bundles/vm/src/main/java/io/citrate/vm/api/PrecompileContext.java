package io.citrate.vm.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;

/**
 * What a precompile may know about the call it serves.
 *
 * @param caller the account that called it
 * @param value wei sent with the call
 * @param blockNumber the number of the block being executed
 * @param isStatic whether the call is inside a STATICCALL, where state must not change
 */
public record PrecompileContext(Address caller, Wei value, long blockNumber, boolean isStatic) {}
