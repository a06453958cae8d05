package io.citrate.vm.internal.evm;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.vm.internal.state.Word;

/**
 * The EVM stack of up to 1024 words, held as limbs in one {@code long[]} (see {@link Words}) so operations
 * compute in place. Operations address items by depth from the top through {@link #index}; the interpreter
 * checks underflow and overflow against each operation's arity before running it, so operations never do.
 */
public final class OperandStack {
  public static final int MAX_SIZE = 1024;

  private final long[] limbs = new long[MAX_SIZE * 4];
  private int size;

  /** The limb array; a word at depth d starts at {@code index(d)}. */
  public long[] limbs() {
    return limbs;
  }

  public int size() {
    return size;
  }

  /** Index of the lowest limb of the item {@code depth} below the top (0 is the top). */
  public int index(int depth) {
    return (size - 1 - depth) << 2;
  }

  /** Makes room for one more item and returns its index; the caller writes all four limbs. */
  public int push() {
    return (size++) << 2;
  }

  public void pushLong(long value) {
    Words.setLong(limbs, push(), value);
  }

  public void pushZero() {
    pushLong(0);
  }

  public void pop(int count) {
    size -= count;
  }

  /** The top item as a non-negative long, {@link Long#MAX_VALUE} when wider: for sizes and offsets. */
  public long clampedLong(int depth) {
    return Words.clampedToLong(limbs, index(depth));
  }

  public void pushAddress(Address address) {
    Words.fromBytes(address.unsafeBytes(), 0, Address.SIZE, limbs, push());
  }

  public void pushHash(Hash hash) {
    Words.fromBytes(hash.unsafeBytes(), 0, Hash.SIZE, limbs, push());
  }

  public void pushWei(Wei wei) {
    byte[] bytes = wei.toMinimalBytes();
    Words.fromBytes(bytes, 0, bytes.length, limbs, push());
  }

  public void pushWord(Word word) {
    word.writeTo(limbs, push());
  }

  /** The item at {@code depth} as an address: its low 20 bytes. */
  public Address address(int depth) {
    byte[] bytes = new byte[32];
    Words.toBytes(limbs, index(depth), bytes, 0);
    byte[] address = new byte[Address.SIZE];
    System.arraycopy(bytes, 12, address, 0, Address.SIZE);
    return Address.wrap(address);
  }

  public Wei wei(int depth) {
    byte[] bytes = new byte[32];
    Words.toBytes(limbs, index(depth), bytes, 0);
    return Wei.fromBytes(bytes);
  }

  public Word word(int depth) {
    return Word.of(limbs, index(depth));
  }

  public boolean isZero(int depth) {
    return Words.isZero(limbs, index(depth));
  }
}
