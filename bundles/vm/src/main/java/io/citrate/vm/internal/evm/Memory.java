package io.citrate.vm.internal.evm;

import io.citrate.core.api.Bytes;
import java.util.Arrays;

/**
 * A frame's byte-addressed memory. It grows in 32-byte words; the caller charges the expansion (see
 * {@code BerlinGasCalculator#memoryExpansionCost}) before asking for it, so any offset reaching here fits.
 */
public final class Memory {
  /**
   * The most a frame can address; expanding further is charged as out of gas. Reaching it legitimately would cost
   * about 8.8e12 gas (the quadratic term alone), far above any block gas limit, so the cap never changes a result.
   */
  public static final long MAX_BYTES = Integer.MAX_VALUE - 32;

  private byte[] data = new byte[0];
  private long activeWords;

  public long activeWords() {
    return activeWords;
  }

  public long activeBytes() {
    return activeWords * 32;
  }

  /** Words the memory will span once {@code [offset, offset+length)} is touched; zero length touches nothing. */
  public long wordsAfterTouching(long offset, long length) {
    if (length == 0) {
      return activeWords;
    }
    long end = offset + length;
    if (end < 0 || offset < 0) {
      return Long.MAX_VALUE;
    }
    return Math.max(activeWords, (end + 31) >>> 5);
  }

  /** Grows the active size to cover {@code [offset, offset+length)}; nothing for zero length. */
  public void touch(long offset, long length) {
    long words = wordsAfterTouching(offset, length);
    if (words > activeWords) {
      int bytes = Math.toIntExact(words * 32);
      if (bytes > data.length) {
        // Doubling keeps repeated small expansions linear overall.
        data = Arrays.copyOf(data, (int) Math.min(MAX_BYTES, Math.max(bytes, data.length * 2L)));
      }
      activeWords = words;
    }
  }

  public byte[] read(long offset, long length) {
    if (length == 0) {
      return Bytes.EMPTY;
    }
    touch(offset, length);
    return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
  }

  /** The backing array, valid up to {@link #activeBytes}; for reads that must not copy (hashing, words). */
  public byte[] raw() {
    return data;
  }

  /**
   * Copies {@code length} bytes of {@code source} from {@code sourceOffset} to memory at {@code offset}, writing
   * zeros where the source runs out, as the *COPY operations and call outputs require.
   */
  public void write(long offset, byte[] source, long sourceOffset, long length) {
    if (length == 0) {
      return;
    }
    touch(offset, length);
    int dest = (int) offset;
    int len = (int) length;
    long available = sourceOffset >= source.length ? 0 : Math.min(length, source.length - sourceOffset);
    if (available > 0) {
      System.arraycopy(source, (int) sourceOffset, data, dest, (int) available);
    }
    if (available < len) {
      Arrays.fill(data, dest + (int) available, dest + len, (byte) 0);
    }
  }

  public void writeByte(long offset, byte value) {
    touch(offset, 1);
    data[(int) offset] = value;
  }

  /** MCOPY: copies within memory as if through a buffer, so overlapping ranges work. */
  public void copyWithin(long destination, long source, long length) {
    if (length == 0) {
      return;
    }
    touch(source, length);
    touch(destination, length);
    System.arraycopy(data, (int) source, data, (int) destination, (int) length);
  }

  /** Reads the 32-byte word at {@code offset} into the limbs at {@code index}. */
  public void loadWord(long offset, long[] limbs, int index) {
    touch(offset, 32);
    Words.fromBytes(data, (int) offset, 32, limbs, index);
  }

  /** Writes the word at {@code index} as 32 bytes at {@code offset}. */
  public void storeWord(long offset, long[] limbs, int index) {
    touch(offset, 32);
    Words.toBytes(limbs, index, data, (int) offset);
  }
}
