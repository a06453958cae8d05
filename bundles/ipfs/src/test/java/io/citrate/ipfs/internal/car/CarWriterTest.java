package io.citrate.ipfs.internal.car;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.api.Multihash;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import io.citrate.ipfs.internal.dag.Varint;
import io.citrate.ipfs.internal.unixfs.TestDag;
import io.citrate.ipfs.internal.unixfs.UnixFsReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarWriterTest {
  /** go-car's published single-block CAR: root bafyreiavd7…, block {"doggy": true} in DAG-CBOR. */
  static final String GO_CAR_FIXTURE = "3aa265726f6f747381d82a58250001711220151fe9e73c6267a7060c6f6c4cca943c236f4b1967"
      + "23489608edb42a8b8fa80b6776657273696f6e012c01711220151fe9e73c6267a7060c6f6c4cca943c236f4b196723489608edb42a8"
      + "b8fa80ba165646f646779f5";
  static final String GO_CAR_ROOT = "bafyreiavd7u6opdcm6tqmddpnrgmvfb4enxuwglhenejmchnwqvixd5ibm";

  /** Collects what a CAR reader stores, in order. */
  static final class RecordingSink implements BlockSink {
    final Map<Cid, byte[]> blocks = new LinkedHashMap<>();
    int flushes;

    @Override
    public void put(Cid cid, byte[] block) {
      blocks.put(cid, block);
    }

    @Override
    public void flush() {
      flushes++;
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The CIDs of a CAR's sections, in order, read independently of CarReader. */
  private static List<Cid> sectionIds(byte[] car) {
    Varint.Cursor cursor = new Varint.Cursor(0);
    long headerLength = Varint.readMultiformat(car, cursor, "header");
    cursor.position += (int) headerLength;
    List<Cid> ids = new ArrayList<>();
    while (cursor.position < car.length) {
      long length = Varint.readMultiformat(car, cursor, "section");
      int end = cursor.position + (int) length;
      ids.add(Cid.read(car, cursor));
      cursor.position = end;
    }
    return ids;
  }

  @Test
  void writesTheHeaderByteForByteAsGoCarDoes() {
    byte[] fixture = HexFormat.of().parseHex(GO_CAR_FIXTURE);
    byte[] header = CarHeader.encode(List.of(Cid.parse(GO_CAR_ROOT)));
    assertThat(header.length).isEqualTo(0x3a);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(fixture, 1, header.length);
    assertThat(header).isEqualTo(expected.toByteArray());
  }

  @Test
  void writesADagDepthFirstEachBlockOnceAndReadsItBack() throws IOException {
    TestDag dag = new TestDag(0);
    Cid shared = dag.leaf(bytes("shared"), true);
    Cid a1 = dag.leaf(bytes("a1"), true);
    Cid fileA = dag.fileNode(null, List.of(a1, shared));
    Cid fileB = dag.fileNode(null, List.of(shared, dag.leaf(bytes("b2"), true)));
    Cid inner = dag.directory(Map.of("b", fileB));
    Cid root = dag.directory(Map.of("a", fileA, "inner", inner, "again", fileA));
    ByteArrayOutputStream car = new ByteArrayOutputStream();

    long written = CarWriter.write(root, dag, car);

    Cid b2 = dag.blocks().keySet().stream().filter(cid -> cid.matches(bytes("b2"))).findFirst().orElseThrow();
    // Links in name order: "a", "again" (already written), "inner"; each block before its children.
    assertThat(sectionIds(car.toByteArray())).containsExactly(root, fileA, a1, shared, inner, fileB, b2);
    assertThat(written).isEqualTo(7);

    RecordingSink sink = new RecordingSink();
    assertThat(CarReader.read(new ByteArrayInputStream(car.toByteArray()), sink)).containsExactly(root);
    assertThat(sink.blocks.keySet()).containsExactly(root, fileA, a1, shared, inner, fileB, b2);
    sink.blocks.forEach((cid, block) -> assertThat(block).isEqualTo(dag.blocks().get(cid)));
    assertThat(sink.flushes).isEqualTo(1);
  }

  @Test
  void aPathPrefixComesFirstAndTheTargetIsNotRepeated() throws IOException {
    TestDag dag = new TestDag(1);
    byte[] content = new byte[300];
    Cid file = dag.file(content, 100, 174, true);
    Cid other = dag.leaf(bytes("other"), true);
    Cid sub = dag.directory(Map.of("file.bin", file, "other", other));
    Cid root = dag.directory(Map.of("sub", sub));
    List<Cid> path = new UnixFsReader(dag).resolveBlocks(new IpfsPath(root, List.of("sub", "file.bin")));
    ByteArrayOutputStream car = new ByteArrayOutputStream();

    long written = CarWriter.write(root, path, file, dag, car);

    // Three 100-byte chunks of zeros are one leaf block.
    Cid leaf = Cid.of(1, Cid.RAW, new byte[100]);
    assertThat(sectionIds(car.toByteArray())).containsExactly(root, sub, file, leaf);
    assertThat(written).isEqualTo(4);
    assertThat(CarReader.read(new ByteArrayInputStream(car.toByteArray()), new RecordingSink()))
        .containsExactly(root);
  }

  @Test
  void identityBlocksAreFollowedButNotWritten() throws IOException {
    TestDag dag = new TestDag(1);
    Cid leaf = dag.raw(bytes("leaf"));
    byte[] inlineNode = new PbNode(List.of(new PbLink(leaf, "leaf", 4)),
        UnixFsData.directory().encode()).encode();
    Cid inline = Cid.v1(Cid.DAG_PB, Multihash.identity(inlineNode));
    Cid root = dag.directory(Map.of("inline", inline));
    ByteArrayOutputStream car = new ByteArrayOutputStream();

    assertThat(CarWriter.write(root, dag, car)).isEqualTo(2);
    assertThat(sectionIds(car.toByteArray())).containsExactly(root, leaf);
  }

  @Test
  void anEmptyRawRootIsASectionOfJustItsId() throws IOException {
    TestDag dag = new TestDag(1);
    Cid empty = dag.raw(new byte[0]);
    ByteArrayOutputStream car = new ByteArrayOutputStream();
    CarWriter.write(empty, dag, car);
    RecordingSink sink = new RecordingSink();
    assertThat(CarReader.read(new ByteArrayInputStream(car.toByteArray()), sink)).containsExactly(empty);
    assertThat(sink.blocks).containsOnlyKeys(empty);
    assertThat(sink.blocks.get(empty)).isEmpty();
  }
}
