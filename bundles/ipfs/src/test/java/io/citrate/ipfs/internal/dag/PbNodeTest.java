package io.citrate.ipfs.internal.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.Multihash;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PbNodeTest {
  private static final Cid CHILD = Cid.of(0, Cid.DAG_PB, new byte[] {0x0a, 0x02, 0x08, 0x01});
  private static final Cid RAW_CHILD = Cid.of(1, Cid.RAW, new byte[] {1, 2, 3});

  @Test
  void encodesLinksBeforeDataAndHashNameSizeWithinALink() {
    PbNode node = new PbNode(List.of(new PbLink(CHILD, "a", 4), new PbLink(RAW_CHILD, null, PbLink.UNKNOWN_SIZE)),
        new byte[] {0x08, 0x01});
    byte[] expected = concat(
        bytes(0x12, 2 + 34 + 3 + 2), bytes(0x0a, 34), CHILD.bytes(), bytes(0x12, 1, 'a'), bytes(0x18, 4),
        bytes(0x12, 2 + 36), bytes(0x0a, 36), RAW_CHILD.bytes(),
        bytes(0x0a, 2, 0x08, 0x01));
    assertThat(node.encode()).isEqualTo(expected);
    PbNode decoded = PbNode.decode(expected);
    assertThat(decoded.links()).isEqualTo(node.links());
    assertThat(decoded.data()).containsExactly(0x08, 0x01);
  }

  @Test
  void emptyNamesAndEmptyDataAreKeptApartFromAbsentOnes() {
    PbNode named = new PbNode(List.of(new PbLink(CHILD, "", 0)), new byte[0]);
    byte[] encoded = named.encode();
    assertThat(HexFormat.of().formatHex(encoded)).endsWith("12001800" + "0a00");
    PbNode decoded = PbNode.decode(encoded);
    assertThat(decoded.links().get(0).name()).isEmpty();
    assertThat(decoded.hasData()).isTrue();
    assertThat(decoded.data()).isEmpty();

    PbNode bare = PbNode.decode(new PbNode(List.of(new PbLink(CHILD, null, PbLink.UNKNOWN_SIZE)), null).encode());
    assertThat(bare.links().get(0).name()).isNull();
    assertThat(bare.links().get(0).hasSize()).isFalse();
    assertThat(bare.hasData()).isFalse();
    assertThat(bare.data()).isNull();
    assertThat(new PbNode(List.of(), null).encode()).isEmpty();
  }

  @Test
  void namesSortAndEncodeAsUtf8() {
    PbLink link = new PbLink(CHILD, "日本", 1);
    assertThat(link.nameBytes()).hasSize(6);
    assertThat(PbNode.decode(new PbNode(List.of(link), null).encode()).links().get(0).name()).isEqualTo("日本");
    assertThat(new PbLink(CHILD, null, 1).nameBytes()).isEmpty();
  }

  @Test
  void dataIsACopy() {
    byte[] data = {1, 2, 3};
    PbNode node = new PbNode(List.of(), data);
    data[0] = 9;
    assertThat(node.data()).containsExactly(1, 2, 3);
    node.data()[1] = 9;
    assertThat(node.data()).containsExactly(1, 2, 3);
  }

  @Test
  void refusesDataBeforeLinks() {
    assertInvalid(concat(bytes(0x0a, 0), link(CHILD.bytes())), "links after its data");
  }

  @Test
  void refusesRepeatedData() {
    assertInvalid(bytes(0x0a, 1, 7, 0x0a, 0), "two data fields");
  }

  @Test
  void refusesUnknownFields() {
    assertInvalid(bytes(0x1a, 0), "unexpected field");
    assertInvalid(bytes(0x18, 1), "unexpected field");
    assertInvalid(concat(bytes(0x12, 2 + 34 + 2), bytes(0x0a, 34), CHILD.bytes(), bytes(0x22, 0)), "unexpected");
  }

  @Test
  void refusesWrongWireTypes() {
    assertInvalid(bytes(0x08, 1), "unexpected field");
    assertInvalid(bytes(0x10, 1), "unexpected field");
    assertInvalid(bytes(0x0d, 1, 2, 3, 4), "unexpected field");
    // a link whose hash is a varint, whose Tsize is length-delimited
    assertInvalid(bytes(0x12, 2, 0x08, 1), "unexpected field");
    assertInvalid(concat(bytes(0x12, 2 + 34 + 3), bytes(0x0a, 34), CHILD.bytes(), bytes(0x1a, 1, 0)), "unexpected");
  }

  @Test
  void refusesLinksWithoutHashOrWithFieldsOutOfOrder() {
    assertInvalid(bytes(0x12, 0), "without a hash");
    assertInvalid(bytes(0x12, 3, 0x12, 1, 'a'), "without a hash");
    assertInvalid(concat(bytes(0x12, 3 + 36), bytes(0x12, 1, 'a'), bytes(0x0a, 34), CHILD.bytes()), "order");
    assertInvalid(concat(bytes(0x12, 2 * 36), bytes(0x0a, 34), CHILD.bytes(), bytes(0x0a, 34), CHILD.bytes()),
        "repeated");
  }

  @Test
  void refusesInvalidHashesAndNames() {
    assertInvalid(link(new byte[] {0x12, 0x20, 1, 2}), "hash");
    assertInvalid(concat(bytes(0x12, 2 + 34 + 3), bytes(0x0a, 34), CHILD.bytes(), bytes(0x12, 1, 0xff)), "UTF-8");
  }

  @Test
  void refusesTruncatedInput() {
    byte[] full = new PbNode(List.of(new PbLink(CHILD, "name", 99)), new byte[] {0x08, 0x01}).encode();
    for (int length = 1; length < full.length; length++) {
      byte[] truncated = Arrays.copyOf(full, length);
      IpfsException error = catchThrowableOfType(IpfsException.class, () -> PbNode.decode(truncated));
      if (error != null) {
        assertThat(error.kind()).isEqualTo(Kind.INVALID_DATA);
      } else {
        // a cut that falls between two fields leaves a shorter valid node, never the same one
        assertThat(PbNode.decode(truncated).encode()).isEqualTo(truncated);
      }
    }
    assertInvalid(bytes(0x12, 0x80), "past the end");
    assertInvalid(bytes(0x0a, 5, 1), "past the end");
  }

  @Test
  void refusesLinkSizesBeyondSixtyThreeBits() {
    byte[] size = concat(bytes(0x18), Varint.encode(-1));
    assertInvalid(concat(bytes(0x12, 2 + 34 + size.length), bytes(0x0a, 34), CHILD.bytes(), size), "2^63");
  }

  @Test
  void linkNeedsACidAndASizeOfAtLeastUnknown() {
    assertThatThrownBy(() -> new PbLink(null, "a", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PbLink(CHILD, "a", -2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 300)
  void canonicalNodesRoundTrip(@ForAll("nodes") PbNode node) {
    byte[] encoded = node.encode();
    PbNode decoded = PbNode.decode(encoded);
    assertThat(decoded.links()).isEqualTo(node.links());
    assertThat(decoded.data()).isEqualTo(node.data());
    assertThat(decoded.encode()).isEqualTo(encoded);
  }

  @Provide
  Arbitrary<PbNode> nodes() {
    Arbitrary<Cid> cids = Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(32),
        Arbitraries.of(0, 1), Arbitraries.of(Cid.RAW, Cid.DAG_PB)).as((digest, version, codec) -> version == 0
        ? Cid.v0(Multihash.ofSha256Digest(digest)) : Cid.v1(codec, Multihash.ofSha256Digest(digest)));
    Arbitrary<String> names = Arbitraries.strings().ofMaxLength(20).injectNull(0.2);
    Arbitrary<Long> sizes = Arbitraries.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.just(PbLink.UNKNOWN_SIZE));
    Arbitrary<PbLink> links = Combinators.combine(cids, names, sizes).as(PbLink::new)
        .filter(link -> link.name() == null || new String(link.nameBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .equals(link.name()));
    Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(50).injectNull(0.3);
    return Combinators.combine(links.list().ofMaxSize(6), data).as(PbNode::new);
  }

  @Property(tries = 1000)
  void arbitraryBytesDecodeOrAreRefusedAsInvalidData(@ForAll @Size(max = 80) byte[] bytes) {
    try {
      PbNode.decode(bytes);
    } catch (IpfsException e) {
      assertThat(e.kind()).isEqualTo(Kind.INVALID_DATA);
    }
  }

  private static void assertInvalid(byte[] block, String messagePart) {
    IpfsException error = catchThrowableOfType(IpfsException.class, () -> PbNode.decode(block));
    assertThat(error).as(HexFormat.of().formatHex(block)).isNotNull();
    assertThat(error.kind()).isEqualTo(Kind.INVALID_DATA);
    assertThat(error.getMessage()).contains(messagePart);
  }

  /** A node holding one link whose Hash field holds {@code hash}. */
  private static byte[] link(byte[] hash) {
    return concat(bytes(0x12, 2 + hash.length, 0x0a, hash.length), hash);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int index = 0; index < values.length; index++) {
      bytes[index] = (byte) values[index];
    }
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

}
