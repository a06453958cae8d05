package io.citrate.vm.internal.precompile;

import io.citrate.core.api.Bytes;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** 0x03: RIPEMD-160 of the input, left-padded to a 32-byte word (600 gas plus 120 per word). */
public final class Ripemd160Precompile implements Precompile {
  private static final long BASE_GAS = 600;
  private static final long WORD_GAS = 120;

  @Override
  public long gasRequirement(byte[] input) {
    return BASE_GAS + WORD_GAS * PrecompileInputs.words(input.length);
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(input, 0, input.length);
    byte[] hash = new byte[digest.getDigestSize()];
    digest.doFinal(hash, 0);
    return PrecompileResult.success(Bytes.leftPad(hash, PrecompileInputs.WORD_SIZE));
  }
}
