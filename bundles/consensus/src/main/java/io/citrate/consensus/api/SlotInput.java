package io.citrate.consensus.api;

import io.citrate.core.api.Hash;
import io.citrate.core.api.vrf.Ecvrf;
import io.citrate.core.api.vrf.VrfPrivateKey;
import io.citrate.core.api.vrf.VrfProof;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a slot's VRF proof is over. Its alpha is fixed-length and canonical:
 * {@code "citrate-slot" || chainId (8 bytes, big-endian) || seed (32 bytes) || slot (8 bytes, big-endian)}.
 *
 * <p>Nothing in it is the producer's choice. The VRF gives each key exactly one output per alpha, so a
 * producer could only improve its odds by grinding alpha; that is why alpha holds no parent set, timestamp,
 * transactions or other block content. The tag and chain id keep proofs from being replayed on another
 * network or reused as another VRF application's output.
 *
 * @param chainId the network's chain id (EIP-155), so proofs never carry over between networks
 * @param seed the epoch seed: randomness fixed before the epoch starts, from blocks the producer can no
 *     longer rewrite. A producer's own recent blocks are not a safe seed, since it could re-make them
 *     until its later slots came out well.
 * @param slot the slot number, counted from genesis
 */
public record SlotInput(long chainId, Hash seed, long slot) {
  private static final byte[] DOMAIN_TAG = "citrate-slot".getBytes(StandardCharsets.US_ASCII);
  private static final int ALPHA_SIZE = DOMAIN_TAG.length + Long.BYTES + Hash.SIZE + Long.BYTES;

  public SlotInput {
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive: " + chainId);
    }
    Objects.requireNonNull(seed, "seed");
    if (slot < 0) {
      throw new IllegalArgumentException("slot number must not be negative: " + slot);
    }
  }

  /** The VRF input alpha, 60 bytes. */
  public byte[] alpha() {
    return ByteBuffer.allocate(ALPHA_SIZE)
        .put(DOMAIN_TAG)
        .putLong(chainId)
        .put(seed.unsafeBytes())
        .putLong(slot)
        .array();
  }

  /**
   * The producer's side: evaluates {@code key}'s VRF on this slot. Whether the ticket wins is for the
   * proposer lottery to say, against the stake distribution.
   */
  public SlotTicket prove(VrfPrivateKey key) {
    VrfProof proof = Ecvrf.prove(key, alpha());
    return new SlotTicket(this, proof, Hash.wrapUnsafe(Ecvrf.proofToHash(proof)));
  }
}
