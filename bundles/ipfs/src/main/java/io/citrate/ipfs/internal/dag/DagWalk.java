package io.citrate.ipfs.internal.dag;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A depth-first walk of a DAG in link order (pre-order, as {@code ipfs dag export} writes a CAR), each block visited
 * once however many links reach it: what pins, garbage collection and CAR export follow. One walk may cover several
 * roots in turn; a block an earlier root reached is not visited again.
 */
public final class DagWalk {
  private final Set<Cid> visited = new HashSet<>();

  /** What the walk does at each block it reaches. */
  @FunctionalInterface
  public interface Visitor<E extends Exception> {
    /** The block's bytes, whose links the walk then follows, or empty to follow none (absent, or a raw block). */
    Optional<byte[]> visit(Cid cid) throws E;
  }

  /**
   * Walks the DAG under {@code root}. A block whose links cannot be read (an undecodable node, an unsupported codec)
   * stops the walk with an {@link IpfsException} naming it.
   */
  public <E extends Exception> void walk(Cid root, Visitor<E> visitor) throws E {
    Deque<Cid> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Cid cid = pending.pop();
      if (!visited.add(cid)) {
        continue;
      }
      Optional<byte[]> block = visitor.visit(cid);
      if (block.isEmpty()) {
        continue;
      }
      List<Cid> children = links(cid, block.get());
      for (int index = children.size() - 1; index >= 0; index--) {
        if (!visited.contains(children.get(index))) {
          pending.push(children.get(index));
        }
      }
    }
  }

  private static List<Cid> links(Cid cid, byte[] block) {
    try {
      return DagLinks.of(cid, block);
    } catch (IpfsException e) {
      throw new IpfsException(e.kind(), "block " + cid + " cannot be followed: " + e.getMessage(), e);
    }
  }
}
