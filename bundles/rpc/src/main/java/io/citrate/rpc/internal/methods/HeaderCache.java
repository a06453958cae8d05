package io.citrate.rpc.internal.methods;

import io.citrate.consensus.api.Consensus;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Recently read block headers, so that requests about the same few blocks (latest, above all) neither wait for
 * consensus, which serialises its reads with block processing, nor decode and hash the header again. A header
 * never changes for its hash, so a hit is always right; slots are overwritten freely and no lock is taken.
 */
final class HeaderCache {
  private static final int SLOTS = 1024;

  private final Consensus consensus;
  private final AtomicReferenceArray<BlockHeader> slots = new AtomicReferenceArray<>(SLOTS);

  HeaderCache(Consensus consensus) {
    this.consensus = consensus;
  }

  Optional<BlockHeader> header(Hash block) {
    int slot = (block.hashCode() & 0x7fffffff) % SLOTS;
    BlockHeader cached = slots.get(slot);
    if (cached != null && cached.hash().equals(block)) {
      return Optional.of(cached);
    }
    Optional<BlockHeader> read = consensus.header(block);
    read.ifPresent(header -> slots.set(slot, header));
    return read;
  }
}
