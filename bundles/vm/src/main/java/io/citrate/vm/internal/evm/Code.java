package io.citrate.vm.internal.evm;

import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;

/** Contract bytecode with its valid jump destinations: JUMPDEST bytes that are not PUSH data. */
public final class Code {
  public static final Code EMPTY = new Code(new byte[0]);

  private static final int JUMPDEST = 0x5b;
  private static final int PUSH1 = 0x60;
  private static final int PUSH32 = 0x7f;

  private final byte[] bytes;
  private long[] jumpDestinations;
  private Hash hash;

  private Code(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps {@code bytes} without copying; the caller must not modify them afterwards. */
  public static Code of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Code(bytes);
  }

  public byte[] bytes() {
    return bytes;
  }

  public int size() {
    return bytes.length;
  }

  public Hash hash() {
    if (hash == null) {
      hash = Keccak256.hash(bytes);
    }
    return hash;
  }

  public boolean isValidJumpDestination(long destination) {
    if (destination < 0 || destination >= bytes.length) {
      return false;
    }
    if (jumpDestinations == null) {
      jumpDestinations = analyse(bytes);
    }
    int d = (int) destination;
    return (jumpDestinations[d >>> 6] & (1L << (d & 63))) != 0;
  }

  private static long[] analyse(byte[] code) {
    long[] bits = new long[(code.length + 63) >>> 6];
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xff;
      if (op == JUMPDEST) {
        bits[pc >>> 6] |= 1L << (pc & 63);
        pc++;
      } else if (op >= PUSH1 && op <= PUSH32) {
        pc += op - PUSH1 + 2;
      } else {
        pc++;
      }
    }
    return bits;
  }
}
