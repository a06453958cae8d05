package io.citrate.vm.internal.precompile;

import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.internal.precompile.bn254.Bn254;
import io.citrate.vm.internal.precompile.bn254.Fp;
import io.citrate.vm.internal.precompile.bn254.InvalidPointException;
import io.citrate.vm.internal.precompile.bn254.JacobianPoint;

/**
 * 0x06: the sum of two bn254 G1 points (EIP-196), priced by EIP-1108 at 150 gas. Input is two 64-byte points,
 * zero-padded when shorter and cut at 128 bytes; a point off the curve or with a coordinate of p or more halts.
 */
public final class Bn254AddPrecompile implements Precompile {
  private static final long GAS = 150;
  private static final int INPUT_SIZE = 2 * Bn254.G1_SIZE;

  @Override
  public long gasRequirement(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    byte[] padded = PrecompileInputs.rightPadded(input, INPUT_SIZE);
    try {
      JacobianPoint<Fp> a = Bn254.decodeG1(padded, 0);
      JacobianPoint<Fp> b = Bn254.decodeG1(padded, Bn254.G1_SIZE);
      return PrecompileResult.success(Bn254.encodeG1(a.add(b)));
    } catch (InvalidPointException e) {
      return PrecompileResult.halt("bn254 add: " + e.getMessage());
    }
  }
}
