package io.citrate.examples.precompile;

import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.api.PrecompileService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.osgi.service.component.annotations.Component;

/**
 * FIPS 202 SHA3-256 of the call data (not Keccak-256, which the KECCAK256 opcode computes), priced like that
 * opcode. Deploying this bundle registers the implementation; it runs only from the height an activation for
 * {@value #IMPLEMENTATION} at {@value #ADDRESS} names.
 */
@Component(service = Precompile.class)
@PrecompileService(address = Sha3Precompile.ADDRESS, implementation = Sha3Precompile.IMPLEMENTATION)
public final class Sha3Precompile implements Precompile {
  static final String ADDRESS = "0x0000000000000000000000000000000000002000";
  static final String IMPLEMENTATION = "example-sha3/1";
  private static final long BASE_GAS = 30;
  private static final long GAS_PER_WORD = 6;

  @Override
  public long gasRequirement(byte[] input) {
    long words = (input.length + 31L) / 32;
    return BASE_GAS + GAS_PER_WORD * words;
  }

  @Override
  public PrecompileResult execute(byte[] input, PrecompileContext context) {
    try {
      return PrecompileResult.success(MessageDigest.getInstance("SHA3-256").digest(input));
    } catch (NoSuchAlgorithmException absent) {
      // Every Java 17 runtime has SHA3-256; without it no result can be agreed on.
      throw new IllegalStateException(absent);
    }
  }
}
