package io.citrate.consensus.command;

import io.citrate.core.api.Hash;
import java.time.Instant;

/** Reading block hashes typed by an operator, and printing the values the commands share. */
final class BlockHashes {
  private static final int MAX_ECHOED_INPUT = 80;

  private BlockHashes() {}

  /** @throws IllegalArgumentException with a one-line message unless {@code text} is 32 bytes of hex */
  static Hash parse(String text) {
    try {
      return Hash.fromHex(text.strip());
    } catch (IllegalArgumentException e) {
      String echoed = text.length() > MAX_ECHOED_INPUT ? text.substring(0, MAX_ECHOED_INPUT) + "..." : text;
      throw new IllegalArgumentException("not a block hash (64 hex digits, 0x optional): " + echoed, e);
    }
  }

  /** Unix milliseconds as an ISO instant, the raw number beside it. */
  static String timestamp(long millis) {
    return Instant.ofEpochMilli(millis) + " (" + millis + ")";
  }
}
