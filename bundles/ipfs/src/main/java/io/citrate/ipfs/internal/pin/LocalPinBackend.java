package io.citrate.ipfs.internal.pin;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.BlockSource;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.dag.DagWalk;
import java.util.Optional;

/**
 * The node's own blockstore as a pin backend ({@value #NAME}). A pin is held once every block of its DAG is stored:
 * the attempt walks the DAG from the root and fetches each missing block from {@code fetchMissingFrom} (an external
 * Kubo's {@code block/get}), storing it verified, parents before children so that garbage collection, which keeps
 * whatever a pinned root reaches, keeps each block it is given. The walk holds the blockstore's protection, so no
 * collection runs in the middle of it. Unpinning deletes nothing: once no pin names the content, the next collection
 * removes it.
 */
public final class LocalPinBackend implements PinBackend {
  public static final String NAME = "local";

  private final KeyValueBlockstore blocks;
  private final Optional<BlockSource> fetchMissingFrom;

  public LocalPinBackend(KeyValueBlockstore blocks, Optional<BlockSource> fetchMissingFrom) {
    this.blocks = blocks;
    this.fetchMissingFrom = fetchMissingFrom;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void pin(Cid cid, String pinName) {
    try (KeyValueBlockstore.Guard guard = blocks.protect()) {
      new DagWalk().walk(cid, next -> Optional.of(storedOrFetched(cid, next)));
    } catch (IpfsException e) {
      // The blocks match their ids, so they will never decode otherwise: retrying cannot help.
      throw new PinAttemptException("pinning " + cid + ": " + e.getMessage(), false, e);
    }
  }

  /** Nothing to delete: blocks no pin reaches are garbage collection's to remove. */
  @Override
  public void unpin(Cid cid) {
    // The pin record, removed by the manager, was what kept the blocks.
  }

  private byte[] storedOrFetched(Cid root, Cid cid) {
    Optional<byte[]> stored;
    try {
      stored = blocks.find(cid);
    } catch (IpfsException e) {
      if (e.kind() != Kind.CORRUPT_BLOCK) {
        throw new PinAttemptException("reading block " + cid + " of " + root + " failed: " + e.getMessage(), true, e);
      }
      // A damaged copy: fetching the block again repairs it.
      stored = Optional.empty();
    }
    return stored.isPresent() ? stored.get() : fetch(root, cid);
  }

  private byte[] fetch(Cid root, Cid cid) {
    BlockSource source = fetchMissingFrom.orElseThrow(() -> new PinAttemptException("block " + cid + " of " + root
        + " is not in the blockstore and no source to fetch it from is configured: add the content first", true));
    try {
      byte[] block = source.get(cid);
      blocks.put(cid, block);
      return block;
    } catch (IpfsException e) {
      throw new PinAttemptException("fetching block " + cid + " of " + root + " failed: " + e.getMessage(), true, e);
    }
  }

}
