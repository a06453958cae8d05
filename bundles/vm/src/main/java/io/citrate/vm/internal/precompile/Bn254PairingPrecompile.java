package io.citrate.vm.internal.precompile;

import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.internal.precompile.bn254.Bn254;
import io.citrate.vm.internal.precompile.bn254.InvalidPointException;
import io.citrate.vm.internal.precompile.bn254.OptimalAtePairing;
import java.util.ArrayList;
import java.util.List;

/**
 * 0x08: whether the product of the bn254 pairings of k (G1, G2) pairs is one (EIP-197), priced by EIP-1108
 * at 45000 + 34000·k gas. Input is k 192-byte pairs; a length not a multiple of 192, a point off its curve
 * or a G2 point outside the order-r subgroup halts. Output is the word 1 or 0; no pairs give 1.
 */
public final class Bn254PairingPrecompile implements Precompile {
  private static final long BASE_GAS = 45_000;
  private static final long PAIR_GAS = 34_000;
  private static final int PAIR_SIZE = Bn254.G1_SIZE + Bn254.G2_SIZE;

  @Override
  public long gasRequirement(byte[] input) {
    return BASE_GAS + PAIR_GAS * (input.length / PAIR_SIZE);
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    if (input.length % PAIR_SIZE != 0) {
      return PrecompileResult.halt("bn254 pairing input must be a multiple of " + PAIR_SIZE + " bytes, got "
          + input.length);
    }
    List<OptimalAtePairing.Pair> pairs = new ArrayList<>();
    try {
      for (int offset = 0; offset < input.length; offset += PAIR_SIZE) {
        pairs.add(new OptimalAtePairing.Pair(
            Bn254.decodeG1(input, offset), Bn254.decodeG2(input, offset + Bn254.G1_SIZE)));
      }
    } catch (InvalidPointException e) {
      return PrecompileResult.halt("bn254 pairing: " + e.getMessage());
    }
    byte[] output = new byte[PrecompileInputs.WORD_SIZE];
    output[PrecompileInputs.WORD_SIZE - 1] = (byte) (OptimalAtePairing.isProductOne(pairs) ? 1 : 0);
    return PrecompileResult.success(output);
  }
}
