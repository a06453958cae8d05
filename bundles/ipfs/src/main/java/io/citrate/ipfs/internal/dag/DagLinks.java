package io.citrate.ipfs.internal.dag;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import java.util.ArrayList;
import java.util.List;

/** The children of a block, by its codec: what DAG walks (garbage collection, CAR export, pin checks) follow. */
public final class DagLinks {
  private DagLinks() {}

  /** The ids {@code block} links to, in link order; a raw block links to nothing. */
  public static List<Cid> of(Cid cid, byte[] block) {
    if (cid.codec() == Cid.RAW) {
      return List.of();
    }
    if (cid.codec() == Cid.DAG_PB) {
      List<PbLink> links = PbNode.decode(block).links();
      List<Cid> children = new ArrayList<>(links.size());
      for (PbLink link : links) {
        children.add(link.cid());
      }
      return children;
    }
    throw new IpfsException(Kind.INVALID_DATA,
        "cannot follow links of codec 0x" + Long.toHexString(cid.codec()) + " (dag-pb and raw are supported)");
  }
}
