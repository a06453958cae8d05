package io.citrate.consensus.internal.reachability;

import io.citrate.consensus.internal.reachability.ReachabilityException.Reason;
import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpException;
import io.citrate.core.api.rlp.RlpReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the index keeps per block: its place in the reachability tree (the tree parent is the selected
 * parent), its interval, its height in the tree, and its future covering set: the blocks that merged it
 * from outside its tree subtree, sorted by interval start and minimal (no item is a chain ancestor of
 * another). Immutable; the {@code with...} methods return changed copies.
 *
 * <p>Encoded as the RLP list {@code [parent, [children...], start, end, height, [futureCoveringSet...]]},
 * where the root's parent is the empty string and integers are minimal big-endian.
 */
public final class ReachabilityData {
  private final Hash parent;
  private final List<Hash> children;
  private final Interval interval;
  private final long height;
  private final List<Hash> futureCoveringSet;

  private ReachabilityData(Hash parent, List<Hash> children, Interval interval, long height, List<Hash> futureCoveringSet) {
    this.parent = parent;
    this.children = children;
    this.interval = interval;
    this.height = height;
    this.futureCoveringSet = futureCoveringSet;
  }

  /** The tree root: no parent, height 0. */
  public static ReachabilityData root(Interval interval) {
    return new ReachabilityData(null, List.of(), Objects.requireNonNull(interval, "interval"), 0, List.of());
  }

  /** A new leaf under {@code parent}. */
  public static ReachabilityData leaf(Hash parent, Interval interval, long height) {
    return new ReachabilityData(
        Objects.requireNonNull(parent, "parent"), List.of(), Objects.requireNonNull(interval, "interval"), height, List.of());
  }

  /** The tree parent (the selected parent); empty for the root. */
  public Optional<Hash> parent() {
    return Optional.ofNullable(parent);
  }

  public boolean isRoot() {
    return parent == null;
  }

  /** Tree children in the order they were added, which is also the order of their intervals. */
  public List<Hash> children() {
    return children;
  }

  public Interval interval() {
    return interval;
  }

  /** Distance from the tree root. */
  public long height() {
    return height;
  }

  /** Sorted by interval start. */
  public List<Hash> futureCoveringSet() {
    return futureCoveringSet;
  }

  public ReachabilityData withInterval(Interval newInterval) {
    return new ReachabilityData(parent, children, Objects.requireNonNull(newInterval, "interval"), height, futureCoveringSet);
  }

  public ReachabilityData withChildAppended(Hash child) {
    return new ReachabilityData(parent, appended(children, child), interval, height, futureCoveringSet);
  }

  /** With {@code item} inserted at {@code index} of the future covering set, which keeps it sorted. */
  public ReachabilityData withFutureCoveringItemAt(int index, Hash item) {
    List<Hash> items = new ArrayList<>(futureCoveringSet.size() + 1);
    items.addAll(futureCoveringSet);
    items.add(index, Objects.requireNonNull(item, "item"));
    return new ReachabilityData(parent, children, interval, height, Collections.unmodifiableList(items));
  }

  private static List<Hash> appended(List<Hash> list, Hash item) {
    List<Hash> items = new ArrayList<>(list.size() + 1);
    items.addAll(list);
    items.add(Objects.requireNonNull(item, "item"));
    return Collections.unmodifiableList(items);
  }

  /** The canonical encoding. */
  public byte[] encode() {
    return Rlp.encodeList(
        parent == null ? Rlp.EMPTY_STRING : Rlp.encodeBytes(parent.unsafeBytes()),
        encodeHashes(children),
        Rlp.encodeLong(interval.start()),
        Rlp.encodeLong(interval.end()),
        Rlp.encodeLong(height),
        encodeHashes(futureCoveringSet));
  }

  private static byte[] encodeHashes(List<Hash> hashes) {
    byte[][] items = new byte[hashes.size()][];
    for (int i = 0; i < items.length; i++) {
      items[i] = Rlp.encodeBytes(hashes.get(i).unsafeBytes());
    }
    return Rlp.encodeList(items);
  }

  /**
   * Decodes {@link #encode()}'s output; anything else is refused.
   *
   * @throws ReachabilityException with {@link Reason#DATA_INCONSISTENCY} if {@code encoded} is not a canonical record
   */
  public static ReachabilityData decode(byte[] encoded) {
    try {
      RlpReader outer = RlpReader.of(encoded);
      RlpReader fields = outer.enterList();
      outer.ensureEnd();
      byte[] parentBytes = fields.readBytes();
      if (parentBytes.length != 0 && parentBytes.length != Hash.SIZE) {
        throw new RlpException("parent must be empty or " + Hash.SIZE + " bytes, got " + parentBytes.length);
      }
      List<Hash> children = decodeHashes(fields, "child");
      long start = fields.readLong("interval start");
      long end = fields.readLong("interval end");
      long height = fields.readLong("height");
      List<Hash> futureCoveringSet = decodeHashes(fields, "future covering item");
      fields.ensureEnd();
      Hash parent = parentBytes.length == 0 ? null : Hash.wrapUnsafe(parentBytes);
      return new ReachabilityData(parent, children, Interval.of(start, end), height, futureCoveringSet);
    } catch (RlpException | IllegalArgumentException e) {
      throw new ReachabilityException(Reason.DATA_INCONSISTENCY, "malformed reachability record: " + e.getMessage(), e);
    }
  }

  private static List<Hash> decodeHashes(RlpReader fields, String what) {
    RlpReader items = fields.enterList();
    List<Hash> hashes = new ArrayList<>();
    while (items.hasNext()) {
      hashes.add(Hash.wrapUnsafe(items.readBytes(Hash.SIZE, what)));
    }
    return hashes.isEmpty() ? List.of() : Collections.unmodifiableList(hashes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReachabilityData data
        && Objects.equals(parent, data.parent)
        && children.equals(data.children)
        && interval.equals(data.interval)
        && height == data.height
        && futureCoveringSet.equals(data.futureCoveringSet);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parent, children, interval, height, futureCoveringSet);
  }

  @Override
  public String toString() {
    return "ReachabilityData[parent=" + parent + ", children=" + children.size() + ", interval=" + interval
        + ", height=" + height + ", futureCoveringSet=" + futureCoveringSet.size() + "]";
  }
}
