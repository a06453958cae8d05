package io.citrate.vm.internal.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * 0x0a: verifies a KZG proof that the blob committed to by a versioned hash evaluates to y at z (EIP-4844).
 * Input is versioned hash (32) || z (32) || y (32) || commitment (48) || proof (48); the hash must be
 * 0x01 || sha256(commitment)[1:]. On success it returns FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two
 * words; every failure, a non-canonical field element included, halts.
 *
 * <p>Verification runs in c-kzg-4844 against the mainnet trusted setup (the KZG ceremony's output), loaded
 * on first use.
 */
public final class PointEvaluationPrecompile implements Precompile {
  private static final long GAS = 50_000;
  private static final int INPUT_SIZE = 192;
  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
  private static final int FIELD_ELEMENTS_PER_BLOB = 4096;
  private static final BigInteger BLS_MODULUS =
      new BigInteger("52435875175126190479447740508185965837690552500527637822603658699938581184513");
  private static final byte[] SUCCESS_OUTPUT = successOutput();

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    if (input.length != INPUT_SIZE) {
      return PrecompileResult.halt("point evaluation input must be " + INPUT_SIZE + " bytes, got " + input.length);
    }
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    if (!Arrays.equals(versionedHash, versionedHash(commitment))) {
      return PrecompileResult.halt("versioned hash does not match the commitment");
    }
    boolean valid;
    try {
      valid = KzgTrustedSetup.verifyProof(commitment, z, y, proof);
    } catch (RuntimeException e) {
      // c-kzg rejects non-canonical field elements and bytes that are not G1 points with an exception.
      return PrecompileResult.halt("invalid point evaluation input: " + e.getMessage());
    }
    return valid ? PrecompileResult.success(SUCCESS_OUTPUT.clone()) : PrecompileResult.halt("KZG proof does not verify");
  }

  /** 0x01 || sha256(commitment)[1:], the form in which a blob transaction names its blobs. */
  static byte[] versionedHash(byte[] commitment) {
    byte[] hash = Sha256Precompile.sha256(commitment);
    hash[0] = VERSIONED_HASH_VERSION_KZG;
    return hash;
  }

  private static byte[] successOutput() {
    byte[] output = new byte[64];
    byte[] count = BigInteger.valueOf(FIELD_ELEMENTS_PER_BLOB).toByteArray();
    System.arraycopy(count, 0, output, 32 - count.length, count.length);
    byte[] modulus = BLS_MODULUS.toByteArray();
    System.arraycopy(modulus, modulus.length - 32, output, 32, 32);
    return output;
  }

  /**
   * The native library and its trusted setup, which c-kzg holds process-wide: loaded once, on first use,
   * by the class initialiser (the JVM runs it exactly once, and other threads wait for it).
   */
  private static final class KzgTrustedSetup {
    /**
     * c-kzg-4844's trusted_setup.txt, the mainnet ceremony's 4096 G1 points (Lagrange and monomial form)
     * and 65 G2 points; SHA-256 e695ba9905a832de98dc3567febe326b760382bfd77a9a6880ca51b602a7d7ff.
     */
    private static final String RESOURCE = "kzg-mainnet-trusted-setup.txt";
    /** Precomputation level for multi-scalar multiplications; verification does none, so none is spent. */
    private static final long PRECOMPUTE = 0;

    static {
      CKZG4844JNI.loadNativeLibrary();
      CKZG4844JNI.loadTrustedSetupFromResource(RESOURCE, PointEvaluationPrecompile.class, PRECOMPUTE);
    }

    private KzgTrustedSetup() {}

    static boolean verifyProof(byte[] commitment, byte[] z, byte[] y, byte[] proof) {
      return CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
    }
  }
}
