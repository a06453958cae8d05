package io.citrate.vm.internal.precompile;

import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** 0x02: SHA-256 of the input (60 gas plus 12 per word). */
public final class Sha256Precompile implements Precompile {
  private static final long BASE_GAS = 60;
  private static final long WORD_GAS = 12;

  @Override
  public long gasRequirement(byte[] input) {
    return BASE_GAS + WORD_GAS * PrecompileInputs.words(input.length);
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    return PrecompileResult.success(sha256(input));
  }

  static byte[] sha256(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] hash = new byte[digest.getDigestSize()];
    digest.doFinal(hash, 0);
    return hash;
  }
}
