package io.citrate.vm.internal.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Bytes;
import io.citrate.vm.api.PrecompileResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Blake2fPrecompileTest {
  /** EIP-152's test vectors 4 to 7 share h, m and t; they differ in rounds (first 4 bytes) and final flag. */
  private static final String STATE = "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5"
      + "d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
      + "6162630000000000000000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000000000000000000"
      + "03000000000000000000000000000000";

  private final Blake2fPrecompile blake2f = new Blake2fPrecompile();

  @ParameterizedTest(name = "EIP-152 vector {index}")
  @CsvSource({
    "00000000, 01, 08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b",
    "0000000c, 01, ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
    "0000000c, 00, 75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735",
    "00000001, 01, b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421"
  })
  void matchesEip152Vectors(String rounds, String flag, String expected) {
    byte[] input = Bytes.fromHex("0x" + rounds + STATE + flag);

    PrecompileResult result = blake2f.execute(input, Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.SUCCESS);
    assertThat(Bytes.toHexNoPrefix(result.output())).isEqualTo(expected);
    assertThat(blake2f.gasRequirement(input)).isEqualTo(Long.parseLong(rounds, 16));
  }

  @Test
  void gasIsTheUnsignedRoundCount() {
    byte[] input = Bytes.fromHex("0xffffffff" + STATE + "01");

    assertThat(blake2f.gasRequirement(input)).isEqualTo(0xffffffffL);
  }

  /** One 12-round compression of a message of at most one block, flagged final, is BLAKE2b-512 itself. */
  @Property(tries = 200)
  void twelveRoundsOfOneFinalBlockIsBlake2b(@ForAll @Size(max = 128) byte[] message) {
    Blake2bDigest digest = new Blake2bDigest(512);
    digest.update(message, 0, message.length);
    byte[] expected = new byte[64];
    digest.doFinal(expected, 0);

    ByteBuffer input = ByteBuffer.allocate(213);
    input.putInt(12);
    input.order(ByteOrder.LITTLE_ENDIAN);
    // The parameter block of an unkeyed 64-byte digest: digest length 64, fanout 1, depth 1.
    input.putLong(0x6a09e667f3bcc908L ^ 0x01010040L);
    for (long iv : new long[] {0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L, 0x510e527fade682d1L,
        0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L}) {
      input.putLong(iv);
    }
    input.put(message);
    input.position(4 + 64 + 128);
    input.putLong(message.length);
    input.putLong(0);
    input.put((byte) 1);

    assertThat(blake2f.execute(input.array(), Contexts.ANY).output()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0", "212", "214"})
  void aWrongLengthHalts(int length) {
    PrecompileResult result = blake2f.execute(new byte[length], Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.HALT);
    assertThat(result.haltReason()).contains("213 bytes");
    assertThat(blake2f.gasRequirement(new byte[length])).isZero();
  }

  @ParameterizedTest
  @CsvSource({"02", "ff"})
  void aFinalFlagOtherThanZeroOrOneHalts(String flag) {
    PrecompileResult result = blake2f.execute(Bytes.fromHex("0x0000000c" + STATE + flag), Contexts.ANY);

    assertThat(result.status()).isEqualTo(PrecompileResult.Status.HALT);
    assertThat(result.haltReason()).contains("flag");
  }
}
