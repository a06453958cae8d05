package io.citrate.core.api.vrf;

import io.citrate.core.api.vrf.InvalidVrfProofException.Reason;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECVRF-P256-SHA256-TAI, RFC 9381 section 5 with suite_string 0x01: P-256, SHA-256, encode_to_curve by
 * try-and-increment (5.4.1.1), nonces by RFC 6979 section 3.2 (5.4.2.1), 16-byte challenges. Proofs
 * are 81 bytes and outputs (beta) 32 bytes. Prove and verify are deterministic: the same key and alpha
 * always give the same proof and the same beta.
 */
public final class Ecvrf {
  public static final byte SUITE_STRING = 0x01;
  /** Length of beta, the VRF output. */
  public static final int OUTPUT_SIZE = 32;

  private static final byte ENCODE_TO_CURVE_FRONT = 0x01;
  private static final byte CHALLENGE_FRONT = 0x02;
  private static final byte PROOF_TO_HASH_FRONT = 0x03;
  private static final byte DOMAIN_SEPARATOR_BACK = 0x00;
  /** interpret_hash_value_as_a_point prefixes this SEC1 tag: the candidate with even y. */
  private static final byte EVEN_Y_TAG = 0x02;
  /** ctr is a single byte (int_to_string(ctr, 1)). */
  private static final int MAX_TAI_COUNTER = 255;

  private Ecvrf() {}

  /** ECVRF_prove: the proof that beta is the output of {@code secretKey} on {@code alpha}. */
  public static VrfProof prove(VrfPrivateKey secretKey, byte[] alpha) {
    return transcript(secretKey, alpha).proof();
  }

  /**
   * ECVRF_proof_to_hash: beta = SHA-256(suite || 0x03 || Gamma || 0x00), 32 bytes. It does not verify the
   * proof; take beta from {@link #verify} for a proof someone else made.
   */
  public static byte[] proofToHash(VrfProof proof) {
    // cofactor * Gamma is Gamma itself on P-256.
    return sha256(new byte[] {SUITE_STRING, PROOF_TO_HASH_FRONT}, P256.encode(proof.gamma()),
        new byte[] {DOMAIN_SEPARATOR_BACK});
  }

  /**
   * ECVRF_verify with validate_key: the public key was validated when it was decoded.
   *
   * @return beta, 32 bytes
   * @throws InvalidVrfProofException with {@link Reason#CHALLENGE_MISMATCH} if the proof is not for this
   *     key and alpha
   */
  public static byte[] verify(VrfPublicKey publicKey, byte[] alpha, VrfProof proof) {
    ECPoint y = publicKey.point();
    ECPoint h = encodeToCurve(publicKey.unsafeBytes(), alpha).point();
    BigInteger minusC = P256.ORDER.subtract(proof.challenge());
    // U = s*B - c*Y and V = s*H - c*Gamma, each as one interleaved multiplication.
    ECPoint u = ECAlgorithms.sumOfTwoMultiplies(P256.G, proof.response(), y, minusC);
    ECPoint v = ECAlgorithms.sumOfTwoMultiplies(h, proof.response(), proof.gamma(), minusC);
    if (!challenge(y, h, proof.gamma(), u, v).equals(proof.challenge())) {
      throw new InvalidVrfProofException(Reason.CHALLENGE_MISMATCH,
          "the VRF proof does not verify for this public key and input");
    }
    return proofToHash(proof);
  }

  /** Every intermediate value of ECVRF_prove, as RFC 9381 Appendix B lists them. */
  record ProofTranscript(HashedPoint h, BigInteger k, ECPoint u, ECPoint v, VrfProof proof) {}

  /** H from encode_to_curve and the counter value that produced it. */
  record HashedPoint(ECPoint point, int counter) {}

  static ProofTranscript transcript(VrfPrivateKey secretKey, byte[] alpha) {
    BigInteger x = secretKey.scalar();
    VrfPublicKey y = secretKey.publicKey();
    HashedPoint h = encodeToCurve(y.unsafeBytes(), alpha);
    ECPoint gamma = h.point().multiply(x).normalize();
    BigInteger k = nonce(x, P256.encode(h.point()));
    ECPoint u = P256.multiplyBase(k);
    ECPoint v = h.point().multiply(k).normalize();
    BigInteger c = challenge(y.point(), h.point(), gamma, u, v);
    BigInteger s = k.add(c.multiply(x)).mod(P256.ORDER);
    return new ProofTranscript(h, k, u, v, VrfProof.of(gamma, c, s));
  }

  /**
   * ECVRF_encode_to_curve_try_and_increment with salt = PK_string: the first ctr for which
   * 0x02 || SHA-256(suite || 0x01 || PK_string || alpha || ctr || 0x00) decodes to a point.
   */
  static HashedPoint encodeToCurve(byte[] publicKeyString, byte[] alpha) {
    byte[] suiteAndFront = {SUITE_STRING, ENCODE_TO_CURVE_FRONT};
    for (int counter = 0; counter <= MAX_TAI_COUNTER; counter++) {
      byte[] candidate = new byte[P256.POINT_SIZE];
      candidate[0] = EVEN_Y_TAG;
      byte[] hash = sha256(suiteAndFront, publicKeyString, alpha, new byte[] {(byte) counter, DOMAIN_SEPARATOR_BACK});
      System.arraycopy(hash, 0, candidate, 1, hash.length);
      ECPoint point = P256.decodeCompressed(candidate);
      if (point != null) {
        return new HashedPoint(point, counter);
      }
    }
    // Each try fails with probability about 1/2, so 256 failures in a row mean a broken hash, not bad luck.
    throw new IllegalStateException("encode_to_curve found no point in " + (MAX_TAI_COUNTER + 1) + " tries");
  }

  /** ECVRF_nonce_generation_RFC6979 with m = h_string; step a of RFC 6979 3.2 hashes m with SHA-256. */
  static BigInteger nonce(BigInteger x, byte[] hString) {
    HMacDSAKCalculator calculator = new HMacDSAKCalculator(new SHA256Digest());
    calculator.init(P256.ORDER, x, sha256(hString));
    return calculator.nextK();
  }

  /** ECVRF_challenge_generation: the first 16 bytes of SHA-256(suite || 0x02 || P1..P5 || 0x00). */
  static BigInteger challenge(ECPoint p1, ECPoint p2, ECPoint p3, ECPoint p4, ECPoint p5) {
    byte[] hash = sha256(new byte[] {SUITE_STRING, CHALLENGE_FRONT}, P256.encode(p1), P256.encode(p2),
        P256.encode(p3), P256.encode(p4), P256.encode(p5), new byte[] {DOMAIN_SEPARATOR_BACK});
    return new BigInteger(1, Arrays.copyOf(hash, VrfProof.CHALLENGE_SIZE));
  }

  private static byte[] sha256(byte[]... parts) {
    SHA256Digest digest = new SHA256Digest();
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
