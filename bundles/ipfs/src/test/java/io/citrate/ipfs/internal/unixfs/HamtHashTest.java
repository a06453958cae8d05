package io.citrate.ipfs.internal.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HamtHashTest {
  /** h1 of MurmurHash3 x64 128 with seed 0, as the Go murmur3 package Kubo uses publishes them. */
  @Test
  void matchesPublishedMurmur3Values() {
    assertThat(hash("")).isEqualTo(0L);
    assertThat(hash("hello")).isEqualTo(0xcbd8a7b341bd9b02L);
    assertThat(hash("hello, world")).isEqualTo(0x342fac623a5ebc8eL);
    assertThat(hash("19 Jan 2038 at 3:14:07 AM")).isEqualTo(0xb89e5988b737affcL);
    assertThat(hash("The quick brown fox jumps over the lazy dog.")).isEqualTo(0xcd99481f9ee902c9L);
  }

  @Test
  void bitsAreTakenMostSignificantFirst() {
    long hash = 0xcbd8a7b341bd9b02L;
    assertThat(HamtHash.bits(hash, 0, 8)).isEqualTo(0xcb);
    assertThat(HamtHash.bits(hash, 8, 8)).isEqualTo(0xd8);
    assertThat(HamtHash.bits(hash, 56, 8)).isEqualTo(0x02);
    assertThat(HamtHash.bits(hash, 0, 3)).isEqualTo(0b110);
    assertThat(HamtHash.bits(hash, 3, 10)).isEqualTo(0b01011110_11);
  }

  private static long hash(String text) {
    return HamtHash.of(text.getBytes(StandardCharsets.UTF_8));
  }
}
