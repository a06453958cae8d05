package io.citrate.examples.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Wei;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha3PrecompileTest {
  private static final PrecompileContext CONTEXT = new PrecompileContext(Address.ZERO, Wei.ZERO, 1, false);
  private final Sha3Precompile precompile = new Sha3Precompile();

  @Test
  void hashesWithFips202Sha3() {
    // FIPS 202 test vectors: SHA3-256("") and SHA3-256("abc").
    assertThat(precompile.execute(new byte[0], CONTEXT).output())
        .isEqualTo(Bytes.fromHex("0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"));
    PrecompileResult abc = precompile.execute("abc".getBytes(StandardCharsets.US_ASCII), CONTEXT);
    assertThat(abc.status()).isEqualTo(PrecompileResult.Status.SUCCESS);
    assertThat(abc.output())
        .isEqualTo(Bytes.fromHex("0x3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"));
  }

  @Test
  void costsThirtyGasAndSixPerWord() {
    assertThat(precompile.gasRequirement(new byte[0])).isEqualTo(30);
    assertThat(precompile.gasRequirement(new byte[32])).isEqualTo(36);
    assertThat(precompile.gasRequirement(new byte[33])).isEqualTo(42);
  }
}
