package io.citrate.ipfs.internal.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultibaseTest {
  @ParameterizedTest
  @CsvSource({
      // RFC 4648 section 10, lower case and without padding
      "'', ''", "f, my", "fo, mzxq", "foo, mzxw6", "foob, mzxw6yq", "fooba, mzxw6ytb", "foobar, mzxw6ytboi"})
  void base32MatchesRfc4648(String text, String base32) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(Multibase.encodeBase32(bytes)).isEqualTo(base32);
    assertThat(Multibase.decode("b" + base32)).isEqualTo(bytes);
    assertThat(Multibase.decode("B" + base32.toUpperCase())).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"'', ''", "f, 66", "foobar, 666f6f626172"})
  void base16MatchesRfc4648(String text, String base16) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(Multibase.encodeBase16(bytes)).isEqualTo(base16);
    assertThat(Multibase.decode("f" + base16)).isEqualTo(bytes);
    assertThat(Multibase.decode("F" + base16.toUpperCase())).isEqualTo(bytes);
  }

  @Test
  void base58KeepsLeadingZerosAsOnes() {
    assertThat(Multibase.encodeBase58("Hello World!".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("2NEpo7TZRRrLZSi2U");
    assertThat(Multibase.encodeBase58(new byte[] {0, 0, 1})).isEqualTo("112");
    assertThat(Multibase.encodeBase58(new byte[] {0, 0})).isEqualTo("11");
    assertThat(Multibase.encodeBase58(new byte[0])).isEmpty();
    assertThat(Multibase.decodeBase58("112")).containsExactly(0, 0, 1);
    assertThat(Multibase.decode("z2NEpo7TZRRrLZSi2U")).isEqualTo("Hello World!".getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "mZm9v", "k2", "Qm", "1abc", " bmy",
      "b1", "b8", "bMy", "Bmy", "b\u00e9", "bm", "bmz",
      "z0", "zO", "zI", "zl", "z+",
      "f6", "f6g", "fzz"})
  void refusesMalformedStrings(String text) {
    IpfsException error = catchThrowableOfType(IpfsException.class, () -> Multibase.decode(text));
    assertThat(error).as("'%s' is refused", text).isNotNull();
    assertThat(error.kind()).isEqualTo(Kind.INVALID_CID);
    assertThat(error.getMessage()).isNotBlank();
  }

  @Property(tries = 500)
  void everyEncodingRoundTrips(@ForAll @Size(max = 80) byte[] bytes) {
    assertThat(Multibase.decode("z" + Multibase.encodeBase58(bytes))).isEqualTo(bytes);
    assertThat(Multibase.decode("b" + Multibase.encodeBase32(bytes))).isEqualTo(bytes);
    assertThat(Multibase.decode("B" + Multibase.encodeBase32(bytes).toUpperCase())).isEqualTo(bytes);
    assertThat(Multibase.decode("f" + Multibase.encodeBase16(bytes))).isEqualTo(bytes);
    assertThat(Multibase.decode("F" + Multibase.encodeBase16(bytes).toUpperCase())).isEqualTo(bytes);
  }

  @Property(tries = 500)
  void arbitraryStringsDecodeOrAreRefusedAsInvalidCid(@ForAll @Size(max = 60) String text) {
    try {
      Multibase.decode(text);
    } catch (IpfsException e) {
      assertThat(e.kind()).isEqualTo(Kind.INVALID_CID);
    }
  }
}
