package io.citrate.ipfs.internal.block;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;

/** Where readers get blocks from: the blockstore, or a remote node. */
public interface BlockSource {
  /**
   * The block {@code cid} names, verified against it. Throws {@link IpfsException} NOT_FOUND when it is not here,
   * CORRUPT_BLOCK when the bytes held do not hash to {@code cid}.
   */
  byte[] get(Cid cid);
}
