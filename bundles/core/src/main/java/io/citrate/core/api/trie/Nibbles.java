package io.citrate.core.api.trie;

import io.citrate.core.api.rlp.RlpException;
import java.util.Arrays;

/** Nibble paths (one 4-bit value per byte) and their hex-prefix ("compact") encoding, Yellow Paper appendix C. */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private static final int FLAG_ODD = 1;
  private static final int FLAG_LEAF = 2;

  private Nibbles() {}

  static byte[] fromBytes(byte[] key) {
    byte[] path = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      path[2 * i] = (byte) ((key[i] >> 4) & 0xf);
      path[2 * i + 1] = (byte) (key[i] & 0xf);
    }
    return path;
  }

  /** Packs an even-length nibble path back into bytes. */
  static byte[] toBytes(byte[] path) {
    byte[] key = new byte[path.length / 2];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) ((path[2 * i] << 4) | path[2 * i + 1]);
    }
    return key;
  }

  /** Length of the common prefix of {@code path} and {@code key} from {@code keyOffset}. */
  static int commonPrefix(byte[] path, byte[] key, int keyOffset) {
    int max = Math.min(path.length, key.length - keyOffset);
    int i = 0;
    while (i < max && path[i] == key[keyOffset + i]) {
      i++;
    }
    return i;
  }

  /** True if {@code key} from {@code keyOffset} starts with {@code path}. */
  static boolean startsWith(byte[] key, int keyOffset, byte[] path) {
    return key.length - keyOffset >= path.length
        && Arrays.equals(key, keyOffset, keyOffset + path.length, path, 0, path.length);
  }

  /** True if {@code key} from {@code keyOffset} to its end equals {@code path}. */
  static boolean equalsRest(byte[] key, int keyOffset, byte[] path) {
    return Arrays.equals(key, keyOffset, key.length, path, 0, path.length);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] append(byte[] path, int nibble) {
    byte[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = (byte) nibble;
    return out;
  }

  /** Hex-prefix encoding: a flag nibble (leaf, odd length), a padding nibble if even, then the path packed. */
  static byte[] compact(byte[] path, boolean leaf) {
    boolean odd = (path.length & 1) == 1;
    int flag = (leaf ? FLAG_LEAF : 0) | (odd ? FLAG_ODD : 0);
    byte[] out = new byte[path.length / 2 + 1];
    int from;
    if (odd) {
      out[0] = (byte) ((flag << 4) | path[0]);
      from = 1;
    } else {
      out[0] = (byte) (flag << 4);
      from = 0;
    }
    for (int i = 1; i < out.length; i++) {
      out[i] = (byte) ((path[from] << 4) | path[from + 1]);
      from += 2;
    }
    return out;
  }

  /** True if a compact path is flagged as a leaf; {@code compact} must already be validated. */
  static boolean isLeaf(byte[] compact) {
    return (((compact[0] & 0xff) >> 4) & FLAG_LEAF) != 0;
  }

  /**
   * Decodes a hex-prefix path.
   *
   * @throws RlpException if it is empty, has an unknown flag or non-zero padding
   */
  static byte[] fromCompact(byte[] compact) {
    if (compact.length == 0) {
      throw new RlpException("empty hex-prefix path");
    }
    int flag = (compact[0] & 0xff) >> 4;
    if (flag > (FLAG_LEAF | FLAG_ODD)) {
      throw new RlpException("hex-prefix flag " + flag + " is not 0 to 3");
    }
    boolean odd = (flag & FLAG_ODD) != 0;
    if (!odd && (compact[0] & 0xf) != 0) {
      throw new RlpException("even hex-prefix path has a non-zero padding nibble");
    }
    byte[] path = new byte[(compact.length - 1) * 2 + (odd ? 1 : 0)];
    int pos = 0;
    if (odd) {
      path[pos++] = (byte) (compact[0] & 0xf);
    }
    for (int i = 1; i < compact.length; i++) {
      path[pos++] = (byte) ((compact[i] >> 4) & 0xf);
      path[pos++] = (byte) (compact[i] & 0xf);
    }
    return path;
  }
}
