package io.citrate.vm.internal.precompile;

import java.util.Arrays;

/** Input handling the standard precompiles share: EVM words and zero padding of short input. */
final class PrecompileInputs {
  static final int WORD_SIZE = 32;

  private PrecompileInputs() {}

  /** Number of 32-byte words {@code length} bytes occupy, rounded up, as per-word gas is charged. */
  static long words(int length) {
    return (length + (long) WORD_SIZE - 1) / WORD_SIZE;
  }

  /**
   * The first {@code length} bytes of {@code input}, zero-filled past its end: precompiles read missing
   * input as zeros and ignore what lies beyond the part they read.
   */
  static byte[] rightPadded(byte[] input, int length) {
    return input.length == length ? input : Arrays.copyOf(input, length);
  }

}
