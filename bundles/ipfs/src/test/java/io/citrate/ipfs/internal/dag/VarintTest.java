package io.citrate.ipfs.internal.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.dag.Varint.Cursor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VarintTest {
  @ParameterizedTest
  @CsvSource({
      "0, 00", "1, 01", "127, 7f", "128, 8001", "255, ff01", "300, ac02", "16384, 808001",
      "9223372036854775807, ffffffffffffffff7f", "-1, ffffffffffffffffff01"})
  void encodesLittleEndianGroupsOfSevenBits(long value, String hex) {
    byte[] expected = HexFormat.of().parseHex(hex);
    assertThat(Varint.encode(value)).isEqualTo(expected);
    assertThat(Varint.size(value)).isEqualTo(expected.length);
    byte[] target = new byte[expected.length + 2];
    assertThat(Varint.write(value, target, 1)).isEqualTo(expected.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Varint.write(value, out);
    assertThat(out.toByteArray()).isEqualTo(expected);
    Cursor cursor = new Cursor(0);
    assertThat(Varint.readProtobuf(expected, cursor, "test")).isEqualTo(value);
    assertThat(cursor.position).isEqualTo(expected.length);
  }

  @Test
  void multiformatVarintsReachTwoToTheSixtyThreeMinusOne() {
    Cursor cursor = new Cursor(1);
    byte[] bytes = HexFormat.of().parseHex("aaffffffffffffffff7f");
    assertThat(Varint.readMultiformat(bytes, cursor, "test")).isEqualTo(Long.MAX_VALUE);
    assertThat(cursor.position).isEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "8000", "ff00", "808000", // not minimal
      "ffffffffffffffffff01", "80808080808080808001", // longer than 9 bytes
      "", "80", "ffff"}) // truncated
  void refusesMalformedMultiformatVarints(String hex) throws IOException {
    byte[] bytes = HexFormat.of().parseHex(hex);
    IpfsException error = catchThrowableOfType(IpfsException.class,
        () -> Varint.readMultiformat(bytes, new Cursor(0), "test"));
    assertThat(error).as(hex).isNotNull();
    assertThat(error.kind()).isEqualTo(Kind.INVALID_DATA);
    assertThat(error.getMessage()).startsWith("test: ");
    if (!hex.isEmpty()) {
      IpfsException fromStream = catchThrowableOfType(IpfsException.class,
          () -> Varint.readMultiformat(new ByteArrayInputStream(bytes), "test"));
      assertThat(fromStream).as(hex).isNotNull();
      assertThat(fromStream.kind()).isEqualTo(Kind.INVALID_DATA);
    }
  }

  @Test
  void aStreamThatEndsBeforeAVarintIsACleanEnd() throws IOException {
    assertThat(Varint.readMultiformat(new ByteArrayInputStream(new byte[0]), "test")).isEqualTo(-1);
    ByteArrayInputStream two = new ByteArrayInputStream(HexFormat.of().parseHex("ac0205"));
    assertThat(Varint.readMultiformat(two, "test")).isEqualTo(300);
    assertThat(Varint.readMultiformat(two, "test")).isEqualTo(5);
    assertThat(Varint.readMultiformat(two, "test")).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ffffffffffffffffff02", "ffffffffffffffffff7f", "ffffffffffffffffffff01", "", "80", "ff80"})
  void refusesProtobufVarintsThatOverflowOrRunPastTheEnd(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    IpfsException error = catchThrowableOfType(IpfsException.class,
        () -> Varint.readProtobuf(bytes, new Cursor(0), "test"));
    assertThat(error).as(hex).isNotNull();
    assertThat(error.kind()).isEqualTo(Kind.INVALID_DATA);
  }

  @Property(tries = 1000)
  void multiformatRoundTrips(@ForAll @LongRange(min = 0) long value) throws IOException {
    byte[] bytes = Varint.encode(value);
    Cursor cursor = new Cursor(0);
    assertThat(Varint.readMultiformat(bytes, cursor, "test")).isEqualTo(value);
    assertThat(cursor.position).isEqualTo(bytes.length);
    assertThat(Varint.readMultiformat(new ByteArrayInputStream(bytes), "test")).isEqualTo(value);
  }

  @Property(tries = 1000)
  void protobufRoundTripsAllSixtyFourBits(@ForAll long value) {
    byte[] bytes = Varint.encode(value);
    Cursor cursor = new Cursor(0);
    assertThat(Varint.readProtobuf(bytes, cursor, "test")).isEqualTo(value);
    assertThat(cursor.position).isEqualTo(bytes.length);
  }
}
