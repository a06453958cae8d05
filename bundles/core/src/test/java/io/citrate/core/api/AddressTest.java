package io.citrate.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  /** The examples from EIP-55. */
  @ParameterizedTest
  @ValueSource(strings = {
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
      "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
      "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
      "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
      "0x52908400098527886E0F7030069857D2E4169EE7",
      "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
      "0xde709f2102306220921060314715629080e2fb77",
      "0x27b1fdb04752bbc536007a920d24acb045561c26"})
  void checksumMatchesEip55Examples(String checksummed) {
    Address address = Address.fromHex(checksummed);
    boolean allOneCase = checksummed.substring(2).equals(checksummed.substring(2).toLowerCase(Locale.ROOT))
        || checksummed.substring(2).equals(checksummed.substring(2).toUpperCase(Locale.ROOT));
    if (!allOneCase) {
      assertThat(address.toChecksumHex()).isEqualTo(checksummed);
    }
    assertThat(address.toHex()).isEqualTo(checksummed.toLowerCase(Locale.ROOT));
  }

  @Test
  void acceptsSingleCaseWithoutChecksumAndNoPrefix() {
    Address lower = Address.fromHex("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    Address upper = Address.fromHex("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED");
    assertThat(lower).isEqualTo(upper);
    assertThat(lower.toChecksumHex()).isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
  }

  @Test
  void rejectsMixedCaseWithWrongChecksum() {
    assertThatThrownBy(() -> Address.fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0x", "0x1234", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00",
      "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea\u0663\u0663"})
  void rejectsMalformedHex(String hex) {
    assertThatThrownBy(() -> Address.fromHex(hex)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wrapChecksLengthAndCopies() {
    byte[] raw = new byte[20];
    Address address = Address.wrap(raw);
    raw[0] = 1;
    assertThat(address).isEqualTo(Address.ZERO);
    assertThatThrownBy(() -> Address.wrap(new byte[19])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20 bytes");
  }

  @Test
  void ordersAsUnsignedBytes() {
    Address low = Address.fromHex("0x0100000000000000000000000000000000000000");
    Address high = Address.fromHex("0xff00000000000000000000000000000000000000");
    assertThat(low).isLessThan(high);
    assertThat(Address.ZERO).isLessThan(low);
  }

  @Property(tries = 200)
  void checksumRoundTrips(@ForAll @Size(20) byte[] bytes) {
    Address address = Address.wrap(bytes);
    String checksummed = address.toChecksumHex();
    assertThat(Address.fromHex(checksummed)).isEqualTo(address);
    assertThat(Address.fromHex(checksummed.toLowerCase(Locale.ROOT))).isEqualTo(address);
    assertThat(address.toString()).isEqualTo(checksummed);
  }
}
