package io.citrate.vm.internal.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Bytes;
import io.citrate.vm.api.PrecompileResult;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModExpPrecompileTest {
  private static final String SECP256K1_P = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
  private static final String SECP256K1_P_MINUS_1 = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e";

  private final ModExpPrecompile modexp = new ModExpPrecompile();

  @Test
  void fermatsLittleTheoremFromEip198() {
    byte[] input = input(1, 32, 32, "03" + SECP256K1_P_MINUS_1 + SECP256K1_P);

    PrecompileResult result = modexp.execute(input, Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.SUCCESS);
    assertThat(new BigInteger(1, result.output())).isEqualTo(BigInteger.ONE);
    assertThat(result.output()).hasSize(32);
    // EIP-2565: ceil(32 / 8)^2 = 16, times 255 iterations, over 3.
    assertThat(modexp.gasRequirement(input)).isEqualTo(1360);
  }

  @Test
  void aZeroBaseFromEip198IsZero() {
    byte[] input = input(0, 32, 32, SECP256K1_P_MINUS_1 + SECP256K1_P);

    assertThat(modexp.execute(input, Contexts.ANY).output()).isEqualTo(new byte[32]);
  }

  @Test
  void outputIsLeftPaddedToTheModulusLength() {
    byte[] input = input(1, 1, 4, "02" + "03" + "000000ff");

    assertThat(Bytes.toHex(modexp.execute(input, Contexts.ANY).output())).isEqualTo("0x00000008");
  }

  @Test
  void aZeroModulusGivesZerosOfItsLength() {
    assertThat(modexp.execute(input(1, 1, 3, "0203000000"), Contexts.ANY).output()).isEqualTo(new byte[3]);
  }

  @Test
  void aZeroLengthModulusGivesEmptyOutput() {
    PrecompileResult result = modexp.execute(input(1, 1, 0, "0203"), Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.SUCCESS);
    assertThat(result.output()).isEmpty();
  }

  @Test
  void missingOperandBytesReadAsZeros() {
    // Modulus 0x05 followed by nothing: declared as two bytes, it reads 0x0500.
    byte[] truncated = input(1, 1, 2, "030205");

    assertThat(Bytes.toHex(modexp.execute(truncated, Contexts.ANY).output())).isEqualTo("0x0009");
    assertThat(modexp.execute(new byte[0], Contexts.ANY).output()).isEmpty();
    assertThat(modexp.gasRequirement(new byte[0])).isEqualTo(200);
  }

  @Test
  void anExponentReachingPastTheInputLeavesAZeroModulus() {
    // Exponent 0x02 declared as 41 bytes but the input ends after its first: the modulus reads as zero.
    byte[] input = Bytes.concat(input(1, 41, 4, "03"), Bytes.fromHex("0x02"));

    assertThat(modexp.execute(input, Contexts.ANY).output()).isEqualTo(new byte[4]);
  }

  @ParameterizedTest
  @CsvSource({
    // base length, exponent length, modulus length, exponent bytes, gas
    "1, 1, 1, 03, 200",
    "64, 1, 64, 03, 200",
    "256, 1, 256, 03, 341",
    "1, 64, 1, ff, 200",
    "512, 32, 512, 00, 1365",
    "512, 64, 512, 01, 688128",
  })
  void gasFollowsEip2565(int baseLength, int exponentLength, int modulusLength, String exponentHead, long gas) {
    byte[] input = Bytes.concat(input(baseLength, exponentLength, modulusLength, ""), new byte[baseLength],
        Bytes.fromHex("0x" + exponentHead));

    assertThat(modexp.gasRequirement(input)).isEqualTo(gas);
  }

  @Test
  void hugeLengthsPriceAtLongMaxWithoutAllocating() {
    byte[] input = new byte[96];
    for (int i = 0; i < 96; i++) {
      input[i] = (byte) 0xff;
    }

    assertThat(modexp.gasRequirement(input)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aHugeExponentWithEmptyBaseAndModulusCostsTheMinimumAndReturnsNothing() {
    byte[] input = new byte[96];
    input[32] = (byte) 0x80;

    assertThat(modexp.gasRequirement(input)).isEqualTo(200);
    assertThat(modexp.execute(input, Contexts.ANY).output()).isEmpty();
  }

  @Test
  void anOperandNoGasCouldPayForHalts() {
    byte[] input = new byte[96];
    input[31] = 1;
    input[64] = (byte) 0x80;

    PrecompileResult result = modexp.execute(input, Contexts.ANY);

    assertThat(modexp.gasRequirement(input)).isEqualTo(Long.MAX_VALUE);
    assertThat(result.status()).isEqualTo(PrecompileResult.Status.HALT);
    assertThat(result.haltReason()).contains("longer than");
  }

  @Property(tries = 300)
  void agreesWithBigIntegerModPow(
      @ForAll @Size(max = 70) byte[] base, @ForAll @Size(max = 40) byte[] exponent,
      @ForAll @Size(min = 1, max = 70) byte[] modulus) {
    byte[] input = Bytes.concat(input(base.length, exponent.length, modulus.length, ""), base, exponent, modulus);
    BigInteger m = new BigInteger(1, modulus);
    BigInteger expected = m.signum() == 0
        ? BigInteger.ZERO
        : new BigInteger(1, base).modPow(new BigInteger(1, exponent), m);

    byte[] output = modexp.execute(input, Contexts.ANY).output();

    assertThat(output).hasSize(modulus.length);
    assertThat(new BigInteger(1, output)).isEqualTo(expected);
  }

  @Property(tries = 100)
  void gasIsAtLeastTheMinimum(@ForAll @Size(max = 200) byte[] input) {
    assertThat(modexp.gasRequirement(input)).isGreaterThanOrEqualTo(200);
  }

  @Property(tries = 50)
  void smallModuliStayCorrectForAnyBase(@ForAll @Positive int modulus, @ForAll @Size(max = 8) byte[] base) {
    byte[] modulusBytes = BigInteger.valueOf(modulus).toByteArray();
    byte[] input = Bytes.concat(input(base.length, 1, modulusBytes.length, ""), base, new byte[] {5}, modulusBytes);

    BigInteger expected = new BigInteger(1, base).modPow(BigInteger.valueOf(5), BigInteger.valueOf(modulus));

    assertThat(new BigInteger(1, modexp.execute(input, Contexts.ANY).output())).isEqualTo(expected);
  }

  @Property(tries = 200)
  void smallModuliAgreeWithBigIntegerForAnyExponent(
      @ForAll @Size(max = 40) byte[] base, @ForAll @Size(max = 40) byte[] exponent, @ForAll @Positive int modulus) {
    byte[] modulusBytes = BigInteger.valueOf(modulus).toByteArray();
    byte[] input = Bytes.concat(input(base.length, exponent.length, modulusBytes.length, ""), base, exponent,
        modulusBytes);

    BigInteger expected = new BigInteger(1, base).modPow(new BigInteger(1, exponent), BigInteger.valueOf(modulus));

    assertThat(new BigInteger(1, modexp.execute(input, Contexts.ANY).output())).isEqualTo(expected);
  }

  private static byte[] input(int baseLength, int exponentLength, int modulusLength, String operandsHex) {
    return Bytes.concat(word(baseLength), word(exponentLength), word(modulusLength), Bytes.fromHex("0x" + operandsHex));
  }

  private static byte[] word(int value) {
    return Bytes.leftPad(BigInteger.valueOf(value).toByteArray(), 32);
  }
}
