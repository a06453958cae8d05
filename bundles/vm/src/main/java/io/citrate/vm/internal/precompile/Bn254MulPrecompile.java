package io.citrate.vm.internal.precompile;

import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.internal.precompile.bn254.Bn254;
import io.citrate.vm.internal.precompile.bn254.Fp;
import io.citrate.vm.internal.precompile.bn254.InvalidPointException;
import io.citrate.vm.internal.precompile.bn254.JacobianPoint;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * 0x07: a bn254 G1 point times a scalar (EIP-196), priced by EIP-1108 at 6000 gas. Input is a 64-byte point
 * and a 32-byte scalar, zero-padded when shorter and cut at 96 bytes. Any 256-bit scalar is allowed; G1 has
 * prime order r, so it acts modulo r.
 */
public final class Bn254MulPrecompile implements Precompile {
  private static final long GAS = 6000;
  private static final int INPUT_SIZE = Bn254.G1_SIZE + 32;

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    byte[] padded = PrecompileInputs.rightPadded(input, INPUT_SIZE);
    try {
      JacobianPoint<Fp> point = Bn254.decodeG1(padded, 0);
      BigInteger scalar = new BigInteger(1, Arrays.copyOfRange(padded, Bn254.G1_SIZE, INPUT_SIZE));
      return PrecompileResult.success(Bn254.encodeG1(point.multiply(scalar.mod(Bn254.CURVE_ORDER))));
    } catch (InvalidPointException e) {
      return PrecompileResult.halt("bn254 mul: " + e.getMessage());
    }
  }
}
