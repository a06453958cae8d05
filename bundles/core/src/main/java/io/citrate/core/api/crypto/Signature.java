package io.citrate.core.api.crypto;

import io.citrate.core.api.Bytes;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A recoverable secp256k1 ECDSA signature: r, s and the recovery id (0 or 1, the parity of the nonce
 * point's y coordinate). Creation checks that r and s lie in [1, n-1]; whether s must also be in the lower
 * half (EIP-2) is the verifier's rule, see {@link #isLowS()}.
 */
public final class Signature {
  /** Length of the r || s || v form. */
  public static final int SIZE = 65;

  private final BigInteger r;
  private final BigInteger s;
  private final int recoveryId;

  private Signature(BigInteger r, BigInteger s, int recoveryId) {
    this.r = r;
    this.s = s;
    this.recoveryId = recoveryId;
  }

  /**
   * @throws InvalidSignatureException if r or s is outside [1, n-1] or the recovery id is not 0 or 1
   */
  public static Signature create(BigInteger r, BigInteger s, int recoveryId) {
    checkScalar(r, "r");
    checkScalar(s, "s");
    if (recoveryId != 0 && recoveryId != 1) {
      throw new InvalidSignatureException("recovery id must be 0 or 1, got " + recoveryId);
    }
    return new Signature(r, s, recoveryId);
  }

  /**
   * Parses r || s || v with v the recovery id itself (0 or 1), the form Citrate stores in block headers.
   *
   * @throws InvalidSignatureException on a wrong length or an invalid component
   */
  public static Signature fromBytes(byte[] rsv) {
    checkLength(rsv);
    return create(component(rsv, 0), component(rsv, 32), rsv[64]);
  }

  /**
   * Parses r || s || v as {@code personal_sign} and {@code eth_sign} return it: v is 27 or 28 (0 and 1
   * are accepted too, as some wallets write them).
   *
   * @throws InvalidSignatureException on a wrong length, a v outside {0, 1, 27, 28} or an invalid component
   */
  public static Signature fromEthereumBytes(byte[] rsv) {
    checkLength(rsv);
    int v = rsv[64] & 0xff;
    if (v == 27 || v == 28) {
      v -= 27;
    } else if (v != 0 && v != 1) {
      throw new InvalidSignatureException("v must be 27 or 28 (or 0 or 1), got " + v);
    }
    return create(component(rsv, 0), component(rsv, 32), v);
  }

  public BigInteger r() {
    return r;
  }

  public BigInteger s() {
    return s;
  }

  public int recoveryId() {
    return recoveryId;
  }

  /** True if s is at most n/2, the only form Ethereum accepts in transactions since Homestead (EIP-2). */
  public boolean isLowS() {
    return s.compareTo(Secp256k1.HALF_CURVE_ORDER) <= 0;
  }

  /** r || s || recovery id (0 or 1), 65 bytes. */
  public byte[] toBytes() {
    return encode(recoveryId);
  }

  /** r || s || (27 + recovery id), 65 bytes, as {@code personal_sign} returns it. */
  public byte[] toEthereumBytes() {
    return encode(27 + recoveryId);
  }

  private byte[] encode(int v) {
    byte[] out = new byte[SIZE];
    writeComponent(r, out, 0);
    writeComponent(s, out, 32);
    out[64] = (byte) v;
    return out;
  }

  private static void writeComponent(BigInteger value, byte[] out, int offset) {
    byte[] raw = Bytes.trimLeadingZeros(value.toByteArray());
    System.arraycopy(raw, 0, out, offset + 32 - raw.length, raw.length);
  }

  private static BigInteger component(byte[] rsv, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(rsv, offset, offset + 32));
  }

  private static void checkLength(byte[] rsv) {
    if (rsv.length != SIZE) {
      throw new InvalidSignatureException("a signature is 65 bytes (r || s || v), got " + rsv.length);
    }
  }

  private static void checkScalar(BigInteger value, String name) {
    if (value.signum() <= 0 || value.compareTo(Secp256k1.CURVE_ORDER) >= 0) {
      throw new InvalidSignatureException(name + " must be in [1, n-1], got 0x" + value.toString(16));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature other
        && recoveryId == other.recoveryId
        && r.equals(other.r)
        && s.equals(other.s);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * r.hashCode() + s.hashCode()) + recoveryId;
  }

  @Override
  public String toString() {
    return "Signature[r=0x" + r.toString(16) + ", s=0x" + s.toString(16) + ", recoveryId=" + recoveryId + "]";
  }
}
