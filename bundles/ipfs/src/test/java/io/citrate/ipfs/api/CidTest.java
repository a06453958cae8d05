package io.citrate.ipfs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.dag.Multibase;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidTest {
  /** Kubo's id of the empty file ({@code ipfs add} of nothing), and its {@code --cid-version=1} raw block. */
  private static final String EMPTY_FILE_V0 = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
  private static final String EMPTY_RAW_V1 = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
  /** Kubo's empty directory, whose block is {@code 0a 02 08 01}. */
  private static final String EMPTY_DIR_V0 = "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn";
  private static final String EMPTY_DIR_V1 = "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354";
  private static final byte[] EMPTY_DIR_BLOCK = {0x0a, 0x02, 0x08, 0x01};
  private static final String SHA256_OF_NOTHING = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void parsesAndPrintsCidV0() {
    Cid cid = Cid.parse(EMPTY_DIR_V0);
    assertThat(cid.version()).isZero();
    assertThat(cid.codec()).isEqualTo(Cid.DAG_PB);
    assertThat(cid.multihash().code()).isEqualTo(Multihash.SHA2_256);
    assertThat(cid.byteLength()).isEqualTo(34);
    assertThat(cid.toString()).isEqualTo(EMPTY_DIR_V0);
    assertThat(cid).isEqualTo(Cid.of(0, Cid.DAG_PB, EMPTY_DIR_BLOCK));
    assertThat(cid.matches(EMPTY_DIR_BLOCK)).isTrue();
    assertThat(cid.matches(new byte[] {0x0a, 0x02, 0x08, 0x02})).isFalse();
  }

  @Test
  void parsesAndPrintsCidV1() {
    Cid raw = Cid.parse(EMPTY_RAW_V1);
    assertThat(raw.version()).isEqualTo(1);
    assertThat(raw.codec()).isEqualTo(Cid.RAW);
    assertThat(raw.byteLength()).isEqualTo(36);
    assertThat(Multibase.encodeBase16(raw.multihash().digest())).isEqualTo(SHA256_OF_NOTHING);
    assertThat(raw.toString()).isEqualTo(EMPTY_RAW_V1);
    assertThat(raw).isEqualTo(Cid.of(1, Cid.RAW, new byte[0]));

    Cid directory = Cid.parse(EMPTY_DIR_V1);
    assertThat(directory.codec()).isEqualTo(Cid.DAG_PB);
    assertThat(directory).isEqualTo(Cid.of(1, Cid.DAG_PB, EMPTY_DIR_BLOCK));
  }

  @Test
  void v0AndItsV1FormNameTheSameBlockButAreDifferentIds() {
    Cid v0 = Cid.parse(EMPTY_DIR_V0);
    Cid v1 = v0.toV1();
    assertThat(v1.toString()).isEqualTo(EMPTY_DIR_V1);
    assertThat(v1.multihash()).isEqualTo(v0.multihash());
    assertThat(v1).isNotEqualTo(v0);
    assertThat(v1.toV1()).isSameAs(v1);
    assertThat(Cid.parse(EMPTY_FILE_V0).toV1().toString()).startsWith("bafybei");
  }

  @Test
  void acceptsEveryMultibasePrefixForCidV1() {
    Cid cid = Cid.parse(EMPTY_DIR_V1);
    byte[] bytes = cid.bytes();
    String base32 = EMPTY_DIR_V1.substring(1);
    assertThat(Cid.parse("B" + base32.toUpperCase())).isEqualTo(cid);
    assertThat(Cid.parse("z" + Multibase.encodeBase58(bytes))).isEqualTo(cid);
    assertThat(Cid.parse("f" + Multibase.encodeBase16(bytes))).isEqualTo(cid);
    assertThat(Cid.parse("F" + Multibase.encodeBase16(bytes).toUpperCase())).isEqualTo(cid);
  }

  @Test
  void decodesTheBinaryForm() {
    Cid v0 = Cid.parse(EMPTY_DIR_V0);
    assertThat(Cid.decode(v0.bytes())).isEqualTo(v0);
    assertThat(v0.bytes()).startsWith(0x12, 0x20);
    Cid v1 = Cid.parse(EMPTY_DIR_V1);
    assertThat(Cid.decode(v1.bytes())).isEqualTo(v1);
    assertThat(v1.bytes()).startsWith(0x01, 0x70, 0x12, 0x20);
  }

  @Test
  void bytesAreACopy() {
    Cid cid = Cid.parse(EMPTY_DIR_V1);
    byte[] bytes = cid.bytes();
    bytes[5] ^= 1;
    assertThat(cid.toString()).isEqualTo(EMPTY_DIR_V1);
  }

  @Test
  void identityMultihashInlinesTheContent() {
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
    Cid cid = Cid.v1(Cid.RAW, Multihash.identity(hello));
    assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
    assertThat(cid.bytes()).containsExactly(0x01, 0x55, 0x00, 0x05, 'h', 'e', 'l', 'l', 'o');
    assertThat(cid.matches(hello)).isTrue();
    assertThat(cid.matches("hullo".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThatThrownBy(() -> Multihash.identity(new byte[Multihash.MAX_IDENTITY_LENGTH + 1]))
        .isInstanceOf(IpfsException.class).extracting("kind").isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void ordersByBinaryForm() {
    Cid v0 = Cid.parse(EMPTY_DIR_V0);
    Cid v1 = Cid.parse(EMPTY_DIR_V1);
    assertThat(v1.compareTo(v0)).isNegative();
    assertThat(v0.compareTo(Cid.parse(EMPTY_DIR_V0))).isZero();
    assertThat(v0.hashCode()).isEqualTo(Cid.parse(EMPTY_DIR_V0).hashCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      // 45 and 47 characters: not a CIDv0, and Q is no multibase prefix
      "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3N",
      "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nnn",
      // 0, O, I and l are not base58 digits
      "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3N0",
      "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nl",
      // 1 and 8 are not base32 digits; mixed case
      "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf351",
      "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf358",
      "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgF354",
      // truncated base32: the ending is not a whole byte, or the multihash is cut short
      "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf35",
      "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bg",
      // unknown multibase prefixes: base64, base36, identity
      "mAXASIE5yt5vq4ZHKh0DrqnKz6pJlDZjxEh3ovk9xNhBlwlXx",
      "k2k4r8jl0yz8qjgqbmc2cdu5hkqek5rj6flgnlkyywynci20j0iuyfuj",
      "\u0000abc",
      // a non-ASCII digit
      "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf35\u00e9",
      "f01701220",
      "f0170122"
  })
  void refusesMalformedText(String text) {
    assertInvalid(text);
  }

  @Test
  void refusesNull() {
    assertInvalid(null);
  }

  @Test
  void refusesOverLongText() {
    assertInvalid("b" + "a".repeat(Cid.MAX_STRING_LENGTH));
    assertThat(catchThrowableOfType(IpfsException.class, () -> Cid.parse("b" + "a".repeat(100_000))).getMessage())
        .contains("limit");
  }

  @Test
  void refusesCidV0WrittenWithAMultibasePrefix() {
    byte[] v0 = Cid.parse(EMPTY_DIR_V0).bytes();
    assertInvalid("z" + Multibase.encodeBase58(v0));
    assertInvalid("b" + Multibase.encodeBase32(v0));
    assertInvalid("f" + Multibase.encodeBase16(v0));
  }

  @Test
  void refusesUnsupportedHashFunctions() {
    byte[] sha512 = concat(new byte[] {0x01, 0x70, 0x13, 0x40}, new byte[64]);
    assertInvalid("b" + Multibase.encodeBase32(sha512));
    byte[] blake2b = concat(new byte[] {0x01, 0x70, (byte) 0xa0, (byte) 0xe4, 0x02, 0x20}, new byte[32]);
    assertInvalid("b" + Multibase.encodeBase32(blake2b));
    // a sha2-256 multihash that declares 31 digest bytes
    assertInvalid("b" + Multibase.encodeBase32(concat(new byte[] {0x01, 0x70, 0x12, 0x1f}, new byte[31])));
  }

  @Test
  void refusesTruncatedMultihashes() {
    byte[] full = Cid.parse(EMPTY_DIR_V1).bytes();
    for (int length = 0; length < full.length; length++) {
      byte[] truncated = Arrays.copyOf(full, length);
      assertInvalidBinary(truncated);
      if (length > 0) {
        assertInvalid("f" + Multibase.encodeBase16(truncated));
      }
    }
    assertInvalidBinary(Arrays.copyOf(Cid.parse(EMPTY_DIR_V0).bytes(), 33));
  }

  @Test
  void refusesStrayBytes() {
    byte[] longer = concat(Cid.parse(EMPTY_DIR_V1).bytes(), new byte[] {0});
    assertInvalidBinary(longer);
    assertInvalid("f" + Multibase.encodeBase16(longer));
    assertInvalidBinary(concat(Cid.parse(EMPTY_DIR_V0).bytes(), new byte[] {1}));
  }

  @Test
  void refusesOtherVersions() {
    byte[] multihash = Cid.parse(EMPTY_DIR_V0).bytes();
    for (int version : new int[] {0, 2, 3, 0x12}) {
      byte[] bytes = concat(new byte[] {(byte) version, 0x70}, multihash);
      assertInvalidBinary(bytes);
      assertInvalid("b" + Multibase.encodeBase32(bytes));
    }
    assertThatThrownBy(() -> Cid.of(2, Cid.DAG_PB, new byte[0])).isInstanceOf(IpfsException.class)
        .extracting("kind").isEqualTo(Kind.INVALID_CID);
  }

  @Test
  void refusesNonMinimalVarints() {
    byte[] multihash = Cid.parse(EMPTY_DIR_V0).bytes();
    assertInvalidBinary(concat(new byte[] {(byte) 0x81, 0x00, 0x70}, multihash));
    assertInvalidBinary(concat(new byte[] {0x01, (byte) 0xf0, 0x00}, multihash));
  }

  @Test
  void cidV0IsSha256DagPbOnly() {
    assertThatThrownBy(() -> Cid.of(0, Cid.RAW, new byte[0])).isInstanceOf(IpfsException.class)
        .extracting("kind").isEqualTo(Kind.INVALID_CID);
    assertThatThrownBy(() -> Cid.v0(Multihash.identity(new byte[3]))).isInstanceOf(IpfsException.class)
        .extracting("kind").isEqualTo(Kind.INVALID_CID);
    assertThatThrownBy(() -> Cid.v1(-1, Multihash.sha256(new byte[0]))).isInstanceOf(IpfsException.class)
        .extracting("kind").isEqualTo(Kind.INVALID_CID);
  }

  @Property(tries = 300)
  void everyIdRoundTripsThroughEveryEncoding(@ForAll @Size(32) byte[] digest, @ForAll("codecs") long codec) {
    Cid v1 = Cid.v1(codec, Multihash.ofSha256Digest(digest));
    byte[] bytes = v1.bytes();
    assertThat(Cid.parse(v1.toString())).isEqualTo(v1);
    assertThat(Cid.parse(v1.toString().toUpperCase())).isEqualTo(v1);
    assertThat(Cid.parse("F" + Multibase.encodeBase16(bytes).toUpperCase())).isEqualTo(v1);
    assertThat(Cid.parse("z" + Multibase.encodeBase58(bytes))).isEqualTo(v1);
    assertThat(Cid.parse("f" + Multibase.encodeBase16(bytes))).isEqualTo(v1);
    assertThat(Cid.decode(bytes)).isEqualTo(v1);
    Cid v0 = Cid.v0(Multihash.ofSha256Digest(digest));
    assertThat(v0.toString()).hasSize(46).startsWith("Qm");
    assertThat(Cid.parse(v0.toString())).isEqualTo(v0);
    assertThat(Cid.decode(v0.bytes())).isEqualTo(v0);
  }

  @Provide
  Arbitrary<Long> codecs() {
    return Arbitraries.oneOf(Arbitraries.of(Cid.RAW, Cid.DAG_PB, Cid.DAG_CBOR), Arbitraries.longs().between(0, 1L << 40));
  }

  @Property(tries = 1000)
  void arbitraryTextParsesOrIsRefusedAsInvalidCid(@ForAll("cidLikeText") String text) {
    try {
      Cid cid = Cid.parse(text);
      assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
    } catch (IpfsException e) {
      assertThat(e.kind()).isEqualTo(Kind.INVALID_CID);
    }
  }

  @Provide
  Arbitrary<String> cidLikeText() {
    Arbitrary<String> prefixed = Arbitraries.strings().withChars("bBzfFQm").ofLength(1)
        .flatMap(prefix -> Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz234567QmABCDEF0189")
            .ofMinLength(0).ofMaxLength(80).map(body -> prefix + body));
    return Arbitraries.oneOf(prefixed, Arbitraries.strings().ofMaxLength(60));
  }

  @Property(tries = 1000)
  void arbitraryBytesDecodeOrAreRefusedAsInvalidCid(@ForAll @Size(max = 40) byte[] bytes) {
    try {
      Cid cid = Cid.decode(bytes);
      assertThat(cid.bytes()).isEqualTo(bytes);
    } catch (IpfsException e) {
      assertThat(e.kind()).isEqualTo(Kind.INVALID_CID);
    }
  }

  private static void assertInvalid(String text) {
    IpfsException error = catchThrowableOfType(IpfsException.class, () -> Cid.parse(text));
    assertThat(error).as("'%s' is refused", text).isNotNull();
    assertThat(error.kind()).isEqualTo(Kind.INVALID_CID);
    assertThat(error.getMessage()).isNotBlank();
  }

  private static void assertInvalidBinary(byte[] bytes) {
    IpfsException error = catchThrowableOfType(IpfsException.class, () -> Cid.decode(bytes));
    assertThat(error).as("%s is refused", HexFormat.of().formatHex(bytes)).isNotNull();
    assertThat(error.kind()).isEqualTo(Kind.INVALID_CID);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
