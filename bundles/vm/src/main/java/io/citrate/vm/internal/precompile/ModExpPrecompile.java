package io.citrate.vm.internal.precompile;

import io.citrate.core.api.Bytes;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;

/**
 * 0x05: base^exponent mod modulus on integers of any size (EIP-198), priced by EIP-2565. Input is three
 * 32-byte big-endian lengths followed by base, exponent and modulus of those lengths; bytes past the end of
 * the input read as zeros. The output is the result left-padded to the modulus length.
 *
 * <p>Lengths are 256-bit words, so nothing is allocated before the gas is known: lengths that no gas limit
 * could pay for price at {@link Long#MAX_VALUE}, and only then do operands get read.
 */
public final class ModExpPrecompile implements Precompile {
  private static final long MIN_GAS = 200;
  private static final int SMALL_MODULUS_BITS = 31;
  private static final BigInteger GAS_DIVISOR = BigInteger.valueOf(3);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final int HEADER_SIZE = 96;
  private static final int EXPONENT_HEAD_SIZE = 32;
  /**
   * Largest base or modulus read. Its gas, (2^21)^2 / 3 > 10^12, lies far beyond any block's gas, so a call
   * with a longer operand is never paid for; should one be, it halts rather than allocate gigabytes.
   */
  private static final BigInteger MAX_OPERAND_SIZE = BigInteger.ONE.shiftLeft(24);

  @Override
  public long gasRequirement(byte[] input) {
    BigInteger baseLength = lengthWord(input, 0);
    BigInteger exponentLength = lengthWord(input, 32);
    BigInteger modulusLength = lengthWord(input, 64);

    BigInteger words = baseLength.max(modulusLength).add(BigInteger.valueOf(7)).shiftRight(3);
    BigInteger multiplicationComplexity = words.multiply(words);
    BigInteger gas = multiplicationComplexity
        .multiply(iterationCount(input, baseLength, exponentLength).max(BigInteger.ONE))
        .divide(GAS_DIVISOR);
    return Math.max(MIN_GAS, gas.min(LONG_MAX).longValueExact());
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    BigInteger baseLength = lengthWord(input, 0);
    BigInteger exponentLength = lengthWord(input, 32);
    BigInteger modulusLength = lengthWord(input, 64);
    if (modulusLength.signum() == 0) {
      return PrecompileResult.success(Bytes.EMPTY);
    }
    if (baseLength.compareTo(MAX_OPERAND_SIZE) > 0 || modulusLength.compareTo(MAX_OPERAND_SIZE) > 0) {
      return PrecompileResult.halt("modexp base or modulus longer than " + MAX_OPERAND_SIZE + " bytes");
    }
    int baseSize = baseLength.intValueExact();
    int modulusSize = modulusLength.intValueExact();
    BigInteger base = readUnsigned(input, HEADER_SIZE, baseSize);
    BigInteger modulus = exponentLength.compareTo(BigInteger.valueOf(input.length)) > 0
        ? BigInteger.ZERO
        : readUnsigned(input, HEADER_SIZE + baseSize + exponentLength.longValue(), modulusSize);
    if (modulus.signum() == 0) {
      return PrecompileResult.success(new byte[modulusSize]);
    }
    // A nonzero modulus lies within the input, so the exponent before it does too.
    BigInteger exponent = readUnsigned(input, HEADER_SIZE + baseSize, exponentLength.intValueExact());
    BigInteger result = modulus.bitLength() <= SMALL_MODULUS_BITS
        ? BigInteger.valueOf(smallModPow(base.mod(modulus).longValue(), exponent, modulus.longValue()))
        : base.modPow(exponent, modulus);
    // The result is below the modulus, so its magnitude always fits in the modulus length.
    return PrecompileResult.success(Bytes.leftPad(BigIntegers.asUnsignedByteArray(result), modulusSize));
  }

  /**
   * EIP-2565's iteration count: the exponent's bit length minus one when it fits in 32 bytes, else eight
   * per byte past the first 32 plus the bit length of those 32 bytes minus one.
   */
  private static BigInteger iterationCount(byte[] input, BigInteger baseLength, BigInteger exponentLength) {
    long exponentOffset = baseLength.bitLength() > 63 ? Long.MAX_VALUE : HEADER_SIZE + baseLength.longValue();
    int headSize = exponentLength.min(BigInteger.valueOf(EXPONENT_HEAD_SIZE)).intValue();
    int headBits = readUnsigned(input, exponentOffset, headSize).bitLength();
    BigInteger headIterations = BigInteger.valueOf(Math.max(headBits - 1, 0));
    if (exponentLength.compareTo(BigInteger.valueOf(EXPONENT_HEAD_SIZE)) <= 0) {
      return headIterations;
    }
    return exponentLength.subtract(BigInteger.valueOf(EXPONENT_HEAD_SIZE)).shiftLeft(3).add(headIterations);
  }

  /**
   * base^exponent mod modulus for a modulus below 2^31, where every product fits in a long. Long exponents
   * over tiny moduli are the cheapest calls per unit of work; BigInteger's per-operation overhead would
   * make them the slowest per unit of gas.
   */
  private static long smallModPow(long base, BigInteger exponent, long modulus) {
    long result = 1 % modulus;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result * result % modulus;
      if (exponent.testBit(i)) {
        result = result * base % modulus;
      }
    }
    return result;
  }

  private static BigInteger lengthWord(byte[] input, int offset) {
    return readUnsigned(input, offset, 32);
  }

  /** The unsigned big-endian integer in {@code size} bytes at {@code offset}, zeros past the input's end. */
  private static BigInteger readUnsigned(byte[] input, long offset, int size) {
    if (offset >= input.length || size == 0) {
      return BigInteger.ZERO;
    }
    int start = (int) offset;
    byte[] bytes = Arrays.copyOfRange(input, start, (int) Math.min((long) start + size, Integer.MAX_VALUE));
    // copyOfRange zero-fills past the input's end, which is the padding rule itself.
    return new BigInteger(1, bytes);
  }
}
