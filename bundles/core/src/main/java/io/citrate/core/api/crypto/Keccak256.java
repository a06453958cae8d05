package io.citrate.core.api.crypto;

import io.citrate.core.api.Hash;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 with the original Keccak padding (0x01), as Ethereum uses it; not FIPS-202 SHA3-256. */
public final class Keccak256 {
  private static final ThreadLocal<KeccakDigest> DIGEST = ThreadLocal.withInitial(() -> new KeccakDigest(256));

  private Keccak256() {}

  public static Hash hash(byte[] input) {
    return Hash.wrapUnsafe(digest(input, 0, input.length));
  }

  public static Hash hash(byte[] input, int offset, int length) {
    return Hash.wrapUnsafe(digest(input, offset, length));
  }

  /** Hashes the concatenation of {@code parts} without copying them together first. */
  public static Hash hash(byte[]... parts) {
    KeccakDigest digest = DIGEST.get();
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Hash.wrapUnsafe(out);
  }

  public static byte[] digest(byte[] input, int offset, int length) {
    KeccakDigest digest = DIGEST.get();
    digest.update(input, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
