package io.citrate.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void hexRoundTrips() {
    assertThat(Bytes.fromHex("0x00ff10")).containsExactly(0, 0xff, 0x10);
    assertThat(Bytes.fromHex("ABcd")).containsExactly(0xab, 0xcd);
    assertThat(Bytes.toHex(new byte[] {0, (byte) 0xff})).isEqualTo("0x00ff");
  }

  @Test
  void rejectsNonAsciiDigits() {
    // Character.digit would read ARABIC-INDIC DIGIT THREE as 3.
    assertThatThrownBy(() -> Bytes.fromHex("\u0663\u0663")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a hex string");
    assertThatThrownBy(() -> Bytes.fromHex("0x123")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("odd");
  }
}
