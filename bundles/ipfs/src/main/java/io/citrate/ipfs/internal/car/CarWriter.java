package io.citrate.ipfs.internal.car;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.Multihash;
import io.citrate.ipfs.internal.block.BlockSource;
import io.citrate.ipfs.internal.dag.DagWalk;
import io.citrate.ipfs.internal.dag.Varint;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes CAR v1: a varint-prefixed DAG-CBOR header naming the root, then one section per block, each
 * {@code varint(length of CID and block) || binary CID || block}. The DAG is written depth first, each block before
 * its children and in link order (as {@code ipfs dag export} and the trustless gateway's {@code dfs} order do), and
 * each block once. Blocks whose id is an identity multihash are not written: their bytes are their id.
 */
public final class CarWriter {
  private CarWriter() {}

  /**
   * Header naming {@code headerRoot}, then the blocks of {@code prefix} (in order, each once), then the DAG under
   * {@code dagRoot} depth-first, each block once (skipping any already written). Returns blocks written.
   */
  public static long write(Cid headerRoot, List<Cid> prefix, Cid dagRoot, BlockSource blocks, OutputStream out)
      throws IOException {
    byte[] header = CarHeader.encode(List.of(headerRoot));
    out.write(Varint.encode(header.length));
    out.write(header);
    Set<Cid> written = new HashSet<>();
    long[] count = {0};
    for (Cid cid : prefix) {
      if (written.add(cid) && writeSection(cid, fetch(cid, blocks), out)) {
        count[0]++;
      }
    }
    // A prefix block is written but not walked; the walk still follows its links when the DAG reaches it.
    new DagWalk().walk(dagRoot, cid -> {
      byte[] block = fetch(cid, blocks);
      if (written.add(cid) && writeSection(cid, block, out)) {
        count[0]++;
      }
      return Optional.of(block);
    });
    return count[0];
  }

  public static long write(Cid root, BlockSource blocks, OutputStream out) throws IOException {
    return write(root, List.of(), root, blocks, out);
  }

  private static byte[] fetch(Cid cid, BlockSource blocks) {
    return isIdentity(cid) ? cid.multihash().digest() : blocks.get(cid);
  }

  private static boolean isIdentity(Cid cid) {
    return cid.multihash().code() == Multihash.IDENTITY;
  }

  /** Writes one section; false (nothing written) for an identity block. */
  private static boolean writeSection(Cid cid, byte[] block, OutputStream out) throws IOException {
    if (isIdentity(cid)) {
      return false;
    }
    out.write(Varint.encode((long) cid.byteLength() + block.length));
    out.write(cid.bytes());
    out.write(block);
    return true;
  }
}
