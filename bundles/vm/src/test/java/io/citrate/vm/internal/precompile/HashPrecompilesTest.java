package io.citrate.vm.internal.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Bytes;
import io.citrate.vm.api.PrecompileResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashPrecompilesTest {
  private final Sha256Precompile sha256 = new Sha256Precompile();
  private final Ripemd160Precompile ripemd160 = new Ripemd160Precompile();
  private final IdentityPrecompile identity = new IdentityPrecompile();

  @ParameterizedTest
  @CsvSource({
    "'', 0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "abc, 0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
  })
  void sha256MatchesTheStandardDigests(String message, String digest) {
    PrecompileResult result = sha256.execute(message.getBytes(StandardCharsets.US_ASCII), Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.SUCCESS);
    assertThat(Bytes.toHex(result.output())).isEqualTo(digest);
  }

  @ParameterizedTest
  @CsvSource({
    "'', 0x0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31",
    "abc, 0x0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc"
  })
  void ripemd160IsLeftPaddedToAWord(String message, String digest) {
    PrecompileResult result = ripemd160.execute(message.getBytes(StandardCharsets.US_ASCII), Contexts.ANY);

    assertThat(Bytes.toHex(result.output())).isEqualTo(digest);
  }

  @ParameterizedTest
  @CsvSource({"0, 60, 600, 15", "1, 72, 720, 18", "32, 72, 720, 18", "33, 84, 840, 21", "1024, 444, 4440, 111"})
  void gasGrowsPerStartedWord(int length, long sha256Gas, long ripemd160Gas, long identityGas) {
    byte[] input = new byte[length];

    assertThat(sha256.gasRequirement(input)).isEqualTo(sha256Gas);
    assertThat(ripemd160.gasRequirement(input)).isEqualTo(ripemd160Gas);
    assertThat(identity.gasRequirement(input)).isEqualTo(identityGas);
  }

  @ParameterizedTest
  @CsvSource({"0x", "0x01", "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"})
  void identityReturnsACopyOfItsInput(String hex) {
    byte[] input = Bytes.fromHex(hex);

    byte[] output = identity.execute(input, Contexts.ANY).output();

    assertThat(output).isEqualTo(input);
    if (input.length > 0) {
      assertThat(output).isNotSameAs(input);
    }
  }
}
