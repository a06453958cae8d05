package io.citrate.core.api.rlp;

import java.util.List;

/** An RLP list. */
public final class RlpList implements RlpItem {
  private final List<RlpItem> items;

  private RlpList(List<RlpItem> items) {
    this.items = items;
  }

  public static RlpList of(List<? extends RlpItem> items) {
    return new RlpList(List.copyOf(items));
  }

  public static RlpList of(RlpItem... items) {
    return new RlpList(List.of(items));
  }

  public List<RlpItem> items() {
    return items;
  }

  public RlpItem get(int index) {
    return items.get(index);
  }

  public int size() {
    return items.size();
  }

  @Override
  public byte[] encode() {
    byte[][] encoded = new byte[items.size()][];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = items.get(i).encode();
    }
    return Rlp.encodeList(encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RlpList l && items.equals(l.items);
  }

  @Override
  public int hashCode() {
    return items.hashCode();
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
