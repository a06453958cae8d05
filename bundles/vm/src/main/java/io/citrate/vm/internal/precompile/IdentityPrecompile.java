package io.citrate.vm.internal.precompile;

import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;

/** 0x04: returns its input (15 gas plus 3 per word). */
public final class IdentityPrecompile implements Precompile {
  private static final long BASE_GAS = 15;
  private static final long WORD_GAS = 3;

  @Override
  public long gasRequirement(byte[] input) {
    return BASE_GAS + WORD_GAS * PrecompileInputs.words(input.length);
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    return PrecompileResult.success(input.clone());
  }
}
