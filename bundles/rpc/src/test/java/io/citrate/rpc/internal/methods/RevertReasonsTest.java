package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Bytes;
import org.junit.jupiter.api.Test;

class RevertReasonsTest {
  private static final String ERROR = "0x08c379a0";
  private static final String PANIC = "0x4e487b71";

  private static String word(long value) {
    return String.format("%064x", value);
  }

  @Test
  void readsTheMessageOfErrorString() {
    String nope = word(0x20) + word(4) + "6e6f7065" + "00".repeat(28);
    assertThat(RevertReasons.decode(Bytes.fromHex(ERROR + nope))).contains("nope");
  }

  @Test
  void namesPanicCodesAsGethDoes() {
    assertThat(RevertReasons.decode(Bytes.fromHex(PANIC + word(0x11)))).contains("arithmetic underflow or overflow");
    assertThat(RevertReasons.decode(Bytes.fromHex(PANIC + word(0x01)))).contains("assert(false)");
    assertThat(RevertReasons.decode(Bytes.fromHex(PANIC + word(0x99)))).contains("unknown panic code: 0x99");
  }

  @Test
  void givesNothingForOtherOrTruncatedData() {
    assertThat(RevertReasons.decode(Bytes.fromHex("0x08c379"))).isEmpty();
    assertThat(RevertReasons.decode(Bytes.fromHex("0xdeadbeef" + word(1)))).isEmpty();
    // A length pointing past the end of the data.
    assertThat(RevertReasons.decode(Bytes.fromHex(ERROR + word(0x20) + word(1_000) + "6e6f7065"))).isEmpty();
    // An offset beyond the data, and one too large for any array.
    assertThat(RevertReasons.decode(Bytes.fromHex(ERROR + word(0x400) + word(4)))).isEmpty();
    assertThat(RevertReasons.decode(Bytes.fromHex(ERROR + "ff".repeat(32) + word(4)))).isEmpty();
    assertThat(RevertReasons.decode(Bytes.fromHex(PANIC + "11"))).isEmpty();
  }
}
