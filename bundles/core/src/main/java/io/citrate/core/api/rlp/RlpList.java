package io.citrate.core.api.rlp;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An RLP list. */
public final class RlpList implements RlpItem {
  private final RlpItem[] items;

  private RlpList(RlpItem[] items) {
    this.items = items;
  }

  public static RlpList of(List<? extends RlpItem> items) {
    return wrap(requireNoNulls(items.toArray(new RlpItem[0])));
  }

  public static RlpList of(RlpItem... items) {
    return wrap(requireNoNulls(items.clone()));
  }

  /** Takes ownership of {@code items} without copying; the decoder builds each list's array to size. */
  static RlpList wrap(RlpItem[] items) {
    return new RlpList(items);
  }

  /** An unmodifiable view of the items. */
  public List<RlpItem> items() {
    return Collections.unmodifiableList(Arrays.asList(items));
  }

  public RlpItem get(int index) {
    return items[index];
  }

  public int size() {
    return items.length;
  }

  @Override
  public byte[] encode() {
    byte[][] encoded = new byte[items.length][];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = items[i].encode();
    }
    return Rlp.encodeList(encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RlpList l && Arrays.equals(items, l.items);
  }

  /** Equal to {@code items().hashCode()}, as {@link List#hashCode()} specifies. */
  @Override
  public int hashCode() {
    return Arrays.hashCode(items);
  }

  @Override
  public String toString() {
    return Arrays.toString(items);
  }

  private static RlpItem[] requireNoNulls(RlpItem[] items) {
    for (RlpItem item : items) {
      Objects.requireNonNull(item, "RLP list item");
    }
    return items;
  }
}
