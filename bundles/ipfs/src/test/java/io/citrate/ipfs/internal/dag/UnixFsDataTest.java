package io.citrate.ipfs.internal.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.dag.UnixFsData.Type;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnixFsDataTest {
  @Test
  void encodesKubosFileLeaf() {
    UnixFsData leaf = UnixFsData.fileLeaf("hello".getBytes(StandardCharsets.US_ASCII));
    assertThat(hex(leaf.encode())).isEqualTo("0802" + "120568656c6c6f" + "1805");
    assertThat(UnixFsData.decode(leaf.encode())).isEqualTo(leaf);
    assertThat(leaf.dataLength()).isEqualTo(5);
  }

  @Test
  void anEmptyFileHasNoDataField() {
    UnixFsData empty = UnixFsData.fileLeaf(new byte[0]);
    assertThat(hex(empty.encode())).isEqualTo("08021800");
    assertThat(empty.data()).isNull();
    assertThat(empty.fileSize()).isZero();
  }

  @Test
  void encodesInnerFileNodesWithUnpackedBlockSizes() {
    UnixFsData node = UnixFsData.fileNode(262_145, new long[] {262_144, 1});
    assertThat(hex(node.encode())).isEqualTo("0802" + "18818010" + "20808010" + "2001");
    UnixFsData decoded = UnixFsData.decode(node.encode());
    assertThat(decoded.blockSizes()).containsExactly(262_144, 1);
    assertThat(decoded).isEqualTo(node).hasSameHashCodeAs(node);
  }

  @Test
  void readsPackedAndMixedBlockSizes() {
    assertThat(UnixFsData.decode(HexFormat.of().parseHex("0802180a22020406")).blockSizes()).containsExactly(4, 6);
    assertThat(UnixFsData.decode(HexFormat.of().parseHex("0802180a2003220204062001")).blockSizes())
        .containsExactly(3, 4, 6, 1);
    assertThat(UnixFsData.decode(HexFormat.of().parseHex("08022200")).blockSizes()).isEmpty();
  }

  @Test
  void encodesDirectoriesAndHamtShards() {
    assertThat(hex(UnixFsData.directory().encode())).isEqualTo("0801");
    UnixFsData shard = UnixFsData.hamtShard(new byte[] {(byte) 0x80, 1}, 0x22, 256);
    assertThat(hex(shard.encode())).isEqualTo("0805" + "12028001" + "2822" + "308002");
    UnixFsData decoded = UnixFsData.decode(shard.encode());
    assertThat(decoded.type()).isEqualTo(Type.HAMT_SHARD);
    assertThat(decoded.hashType()).isEqualTo(0x22);
    assertThat(decoded.fanout()).isEqualTo(256);
    assertThat(decoded.data()).containsExactly(0x80, 1);
  }

  @Test
  void keepsModeAndMtime() {
    UnixFsData withMetadata = new UnixFsData(Type.FILE, null, 0L, null, null, null, 0644, 1_700_000_000L, 5);
    UnixFsData decoded = UnixFsData.decode(withMetadata.encode());
    assertThat(decoded).isEqualTo(withMetadata);
    assertThat(decoded.mode()).isEqualTo(0644);
    assertThat(decoded.mtimeSeconds()).isEqualTo(1_700_000_000L);
    assertThat(decoded.mtimeNanos()).isEqualTo(5);
    UnixFsData secondsOnly = new UnixFsData(Type.DIRECTORY, null, null, null, null, null, null, 42L, null);
    assertThat(UnixFsData.decode(secondsOnly.encode())).isEqualTo(secondsOnly);
  }

  @Test
  void copiesArraysInAndOut() {
    byte[] chunk = {1, 2};
    long[] sizes = {1, 2};
    UnixFsData leaf = UnixFsData.fileLeaf(chunk);
    UnixFsData node = UnixFsData.fileNode(3, sizes);
    chunk[0] = 9;
    sizes[0] = 9;
    leaf.data()[1] = 9;
    node.blockSizes()[1] = 9;
    assertThat(leaf.data()).containsExactly(1, 2);
    assertThat(node.blockSizes()).containsExactly(1, 2);
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7, 100})
  void refusesUnknownTypes(int type) {
    assertInvalid(new byte[] {0x08, (byte) type}, "unknown UnixFS node type");
  }

  @Test
  void refusesMalformedMessages() {
    assertInvalid(new byte[0], "without a type");
    assertInvalid(HexFormat.of().parseHex("1800"), "without a type");
    assertInvalid(HexFormat.of().parseHex("08024801"), "unexpected field 9");
    assertInvalid(HexFormat.of().parseHex("08021005"), "wire type");
    assertInvalid(HexFormat.of().parseHex("08024000"), "wire type");
    assertInvalid(HexFormat.of().parseHex("0a00"), "wire type");
    assertInvalid(HexFormat.of().parseHex("0802120568"), "past the end");
    assertInvalid(HexFormat.of().parseHex("080218"), "past the end");
    assertInvalid(HexFormat.of().parseHex("0802220280"), "past the end");
    assertInvalid(HexFormat.of().parseHex("0802420208"), "past the end");
    assertInvalid(HexFormat.of().parseHex("080242021801"), "mtime");
    assertInvalid(HexFormat.of().parseHex("0802420315"), "past the end");
    assertInvalid(HexFormat.of().parseHex("08024203150102"), "nanoseconds");
    IpfsException missing = catchThrowableOfType(IpfsException.class, () -> UnixFsData.decode(null));
    assertThat(missing.kind()).isEqualTo(Kind.INVALID_DATA);
  }

  @Property(tries = 300)
  void messagesRoundTrip(@ForAll("messages") UnixFsData data) {
    byte[] encoded = data.encode();
    UnixFsData decoded = UnixFsData.decode(encoded);
    assertThat(decoded).isEqualTo(data);
    assertThat(decoded.encode()).isEqualTo(encoded);
  }

  @Provide
  Arbitrary<UnixFsData> messages() {
    Arbitrary<Type> types = Arbitraries.of(Type.class);
    Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(40).injectNull(0.3);
    Arbitrary<Long> fileSize = Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.3);
    Arbitrary<long[]> blockSizes = Arbitraries.longs().between(0, 1L << 40).array(long[].class).ofMaxSize(8);
    Arbitrary<Long> small = Arbitraries.longs().between(0, 1 << 20).injectNull(0.5);
    return Combinators.combine(types, data, fileSize, blockSizes, small, small)
        .as((type, bytes, size, sizes, hashType, fanout) ->
            new UnixFsData(type, bytes, size, sizes, hashType, fanout, null, null, null));
  }

  @Property(tries = 1000)
  void arbitraryBytesDecodeOrAreRefusedAsInvalidData(@ForAll @Size(max = 40) byte[] bytes) {
    try {
      UnixFsData.decode(bytes);
    } catch (IpfsException e) {
      assertThat(e.kind()).isEqualTo(Kind.INVALID_DATA);
    }
  }

  private static void assertInvalid(byte[] bytes, String messagePart) {
    IpfsException error = catchThrowableOfType(IpfsException.class, () -> UnixFsData.decode(bytes));
    assertThat(error).as(hex(bytes)).isNotNull();
    assertThat(error.kind()).isEqualTo(Kind.INVALID_DATA);
    assertThat(error.getMessage()).contains(messagePart);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

}
