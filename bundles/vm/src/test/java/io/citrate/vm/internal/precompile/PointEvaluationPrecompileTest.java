package io.citrate.vm.internal.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.ProofAndY;
import io.citrate.core.api.Bytes;
import io.citrate.vm.api.PrecompileResult;
import java.math.BigInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointEvaluationPrecompileTest {
  private static final String SUCCESS_OUTPUT =
      "0x0000000000000000000000000000000000000000000000000000000000001000"
          + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";
  /** The compressed point at infinity: the commitment to the zero polynomial and every proof about it. */
  private static final byte[] INFINITY = Bytes.concat(new byte[] {(byte) 0xc0}, new byte[47]);

  private static final PointEvaluationPrecompile PRECOMPILE = new PointEvaluationPrecompile();

  @BeforeAll
  static void loadTrustedSetup() {
    // The precompile loads c-kzg's process-wide trusted setup on its first call; the tests then use it too.
    PRECOMPILE.execute(new byte[0], Contexts.ANY);
    PRECOMPILE.execute(input(INFINITY, word(1), word(0), INFINITY), Contexts.ANY);
  }

  @Test
  void theZeroPolynomialIsZeroEverywhere() {
    PrecompileResult result = PRECOMPILE.execute(input(INFINITY, word(12345), word(0), INFINITY), Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.SUCCESS);
    assertThat(Bytes.toHex(result.output())).isEqualTo(SUCCESS_OUTPUT);
    assertThat(PRECOMPILE.gasRequirement(new byte[0])).isEqualTo(50_000);
  }

  @Test
  void verifiesAProofOfABlobEvaluation() {
    Evaluation evaluation = evaluate(blob(), word(7));

    PrecompileResult result = PRECOMPILE.execute(
        input(evaluation.commitment, word(7), evaluation.y, evaluation.proof), Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.SUCCESS);
    assertThat(Bytes.toHex(result.output())).isEqualTo(SUCCESS_OUTPUT);
  }

  @Test
  void aWrongValueHalts() {
    Evaluation evaluation = evaluate(blob(), word(7));
    byte[] wrongY = evaluation.y.clone();
    wrongY[31] ^= 1;

    assertHalts(input(evaluation.commitment, word(7), wrongY, evaluation.proof), "does not verify");
  }

  @Test
  void aProofForAnotherPointHalts() {
    Evaluation evaluation = evaluate(blob(), word(7));

    assertHalts(input(evaluation.commitment, word(8), evaluation.y, evaluation.proof), "does not verify");
  }

  @Test
  void aVersionedHashNotMatchingTheCommitmentHalts() {
    byte[] input = input(INFINITY, word(1), word(0), INFINITY);
    input[0] = 0x02;

    assertHalts(input, "versioned hash");
  }

  @Test
  void aNonCanonicalFieldElementHalts() {
    byte[] modulus = Bytes.fromHex("0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");

    assertHalts(input(INFINITY, modulus, word(0), INFINITY), "invalid point evaluation input");
    assertHalts(input(INFINITY, word(1), modulus, INFINITY), "invalid point evaluation input");
  }

  @Test
  void aCommitmentThatIsNoCurvePointHalts() {
    byte[] notAPoint = INFINITY.clone();
    notAPoint[47] = 1;

    assertHalts(input(notAPoint, word(1), word(0), INFINITY), "invalid point evaluation input");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 191, 193})
  void aWrongLengthHalts(int length) {
    assertHalts(new byte[length], "192 bytes");
  }

  private static void assertHalts(byte[] input, String reason) {
    PrecompileResult result = PRECOMPILE.execute(input, Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.HALT);
    assertThat(result.haltReason()).contains(reason);
  }

  private record Evaluation(byte[] commitment, byte[] y, byte[] proof) {}

  private static Evaluation evaluate(byte[] blob, byte[] z) {
    ProofAndY proofAndY = CKZG4844JNI.computeKzgProof(blob, z);
    return new Evaluation(CKZG4844JNI.blobToKzgCommitment(blob), proofAndY.getY(), proofAndY.getProof());
  }

  /** A blob whose field elements are 1, 2, 3, ... as 32-byte big-endian words. */
  private static byte[] blob() {
    byte[] blob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    for (int i = 0; i < CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB; i++) {
      System.arraycopy(word(i + 1), 0, blob, i * 32, 32);
    }
    return blob;
  }

  private static byte[] input(byte[] commitment, byte[] z, byte[] y, byte[] proof) {
    return Bytes.concat(PointEvaluationPrecompile.versionedHash(commitment), z, y, commitment, proof);
  }

  private static byte[] word(long value) {
    return Bytes.leftPad(BigInteger.valueOf(value).toByteArray(), 32);
  }
}
