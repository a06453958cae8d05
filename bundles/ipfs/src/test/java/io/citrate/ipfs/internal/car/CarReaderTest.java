package io.citrate.ipfs.internal.car;

import static io.citrate.ipfs.internal.car.CarWriterTest.GO_CAR_FIXTURE;
import static io.citrate.ipfs.internal.car.CarWriterTest.GO_CAR_ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.car.CarWriterTest.RecordingSink;
import io.citrate.ipfs.internal.dag.Varint;
import io.citrate.ipfs.internal.unixfs.TestDag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CarReaderTest {
  private static final byte[] FIXTURE = HexFormat.of().parseHex(GO_CAR_FIXTURE);

  private static ThrowingCallable read(byte[] car, RecordingSink sink) {
    return () -> CarReader.read(new ByteArrayInputStream(car), sink);
  }

  private static void assertRefused(byte[] car, Kind kind, String messagePart) {
    RecordingSink sink = new RecordingSink();
    assertThatThrownBy(read(car, sink)).isInstanceOfSatisfying(IpfsException.class, e -> {
      assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
      assertThat(e.getMessage()).contains(messagePart);
    });
    assertThat(sink.flushes).isEqualTo(1);
  }

  /** A CAR of a header given as hex and no sections. */
  private static byte[] withHeader(String headerHex) {
    byte[] header = HexFormat.of().parseHex(headerHex);
    return concat(Varint.encode(header.length), header);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] sampleCar() throws IOException {
    TestDag dag = new TestDag(1);
    byte[] content = new byte[700];
    new Random(7).nextBytes(content);
    Cid file = dag.file(content, 100, 3, true);
    Cid root = dag.directory(Map.of("f", file, "g", dag.leaf(new byte[] {1, 2, 3}, false)));
    ByteArrayOutputStream car = new ByteArrayOutputStream();
    CarWriter.write(root, dag, car);
    return car.toByteArray();
  }

  @Test
  void readsGoCarsPublishedFixture() throws IOException {
    RecordingSink sink = new RecordingSink();
    assertThat(CarReader.read(new ByteArrayInputStream(FIXTURE), sink)).containsExactly(Cid.parse(GO_CAR_ROOT));
    assertThat(sink.blocks).containsOnlyKeys(Cid.parse(GO_CAR_ROOT));
    assertThat(HexFormat.of().formatHex(sink.blocks.get(Cid.parse(GO_CAR_ROOT)))).isEqualTo("a165646f646779f5");
  }

  @Test
  void everyTruncationIsRefusedOrEndsAtASectionBoundary() throws IOException {
    byte[] car = sampleCar();
    RecordingSink whole = new RecordingSink();
    CarReader.read(new ByteArrayInputStream(car), whole);
    List<Cid> order = List.copyOf(whole.blocks.keySet());
    int boundaries = 0;
    for (int length = 0; length < car.length; length++) {
      RecordingSink sink = new RecordingSink();
      byte[] cut = Arrays.copyOf(car, length);
      try {
        CarReader.read(new ByteArrayInputStream(cut), sink);
        boundaries++;
      } catch (IpfsException e) {
        assertThat(e.kind()).as("cut at %d: %s", length, e.getMessage()).isEqualTo(Kind.INVALID_DATA);
        assertThat(e.getMessage()).containsAnyOf("truncated", "ends inside", "empty");
      }
      // Whatever was stored is a verified prefix of the CAR's blocks, and it was flushed.
      assertThat(List.copyOf(sink.blocks.keySet())).isEqualTo(order.subList(0, sink.blocks.size()));
      assertThat(sink.flushes).isEqualTo(1);
    }
    // The end of the header and of each section but the last.
    assertThat(boundaries).isEqualTo(order.size());
  }

  @Test
  void saysWhereATruncatedStreamEnded() throws IOException {
    byte[] car = sampleCar();
    int headerEnd = 1 + (car[0] & 0xFF);
    assertRefused(Arrays.copyOf(car, headerEnd - 3), Kind.INVALID_DATA, "ends inside its header");
    // A section length of 0x80 0x01 cut after its first byte.
    assertRefused(concat(Arrays.copyOf(car, headerEnd), new byte[] {(byte) 0x80}), Kind.INVALID_DATA,
        "truncated inside a varint");
    int sectionLengthBytes = car[headerEnd] < 0 ? 2 : 1;
    assertRefused(Arrays.copyOf(car, headerEnd + sectionLengthBytes + 10), Kind.INVALID_DATA, "inside its CID");
    assertRefused(Arrays.copyOf(car, headerEnd + sectionLengthBytes + 40), Kind.INVALID_DATA, "inside the block");
  }

  @Test
  void aCorruptBlockIsNeverStored() throws IOException {
    byte[] car = sampleCar();
    RecordingSink whole = new RecordingSink();
    CarReader.read(new ByteArrayInputStream(car), whole);
    byte[] corrupt = car.clone();
    corrupt[corrupt.length - 1] ^= 1;
    RecordingSink sink = new RecordingSink();
    assertThatThrownBy(read(corrupt, sink)).isInstanceOfSatisfying(IpfsException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_BLOCK));
    List<Cid> order = List.copyOf(whole.blocks.keySet());
    assertThat(List.copyOf(sink.blocks.keySet())).isEqualTo(order.subList(0, order.size() - 1));
    assertThat(sink.flushes).isEqualTo(1);
  }

  @Test
  void refusesSectionsOverTheLimitWithoutReadingThem() {
    byte[] header = Arrays.copyOf(FIXTURE, 1 + 0x3a);
    byte[] huge = concat(header, Varint.encode(CarReader.MAX_SECTION_SIZE + 1L));
    assertRefused(huge, Kind.TOO_LARGE, "section 1");
    assertRefused(concat(header, Varint.encode(0)), Kind.INVALID_DATA, "section 1 is empty");
  }

  @Test
  void refusesAMalformedSectionCid() {
    byte[] header = Arrays.copyOf(FIXTURE, 1 + 0x3a);
    // Version 2 does not exist.
    assertRefused(concat(header, new byte[] {4, 2, 0x55, 0x12, 0x00}), Kind.INVALID_DATA, "malformed CID");
  }

  @Test
  void refusesHeadersOutsideTheCarV1Subset() {
    String root = "d82a58250001711220151fe9e73c6267a7060c6f6c4cca943c236f4b196723489608edb42a8b8fa80b";
    assertRefused(new byte[0], Kind.INVALID_DATA, "empty");
    assertRefused(new byte[] {0}, Kind.INVALID_DATA, "CAR header of 0 bytes");
    assertRefused(Varint.encode(CarReader.MAX_HEADER_SIZE + 1L), Kind.TOO_LARGE, "CAR header");
    // The CARv2 pragma: {"version": 2}.
    assertRefused(HexFormat.of().parseHex("0aa16776657273696f6e02"), Kind.INVALID_DATA, "version 2");
    // "version" before "roots": not canonical.
    assertRefused(withHeader("a26776657273696f6e016572" + "6f6f747381" + root), Kind.INVALID_DATA, "canonical");
    // Indefinite-length map.
    assertRefused(withHeader("bf65726f6f747381" + root + "6776657273696f6e01ff"), Kind.INVALID_DATA,
        "indefinite");
    // Version as a float, as a negative integer, as a non-minimal integer.
    assertRefused(withHeader("a265726f6f747381" + root + "6776657273696f6ef93c00"), Kind.INVALID_DATA, "major type 7");
    assertRefused(withHeader("a265726f6f747381" + root + "6776657273696f6e20"), Kind.INVALID_DATA, "major type 1");
    assertRefused(withHeader("a265726f6f747381" + root + "6776657273696f6e1801"), Kind.INVALID_DATA, "minimally");
    // A root as a bare byte string, under tag 43, without the 0x00 prefix.
    assertRefused(withHeader("a265726f6f74738158250001711220151fe9e73c6267a7060c6f6c4cca943c236f4b196723489608edb42a8b8fa8"
        + "0b6776657273696f6e01"), Kind.INVALID_DATA, "major type 2");
    assertRefused(withHeader("a265726f6f747381d82b" + root.substring(4) + "6776657273696f6e01"), Kind.INVALID_DATA,
        "tag 43");
    assertRefused(withHeader("a265726f6f747381d82a582401711220151fe9e73c6267a7060c6f6c4cca943c236f4b196723489608edb42"
        + "a8b8fa80b6776657273696f6e01"), Kind.INVALID_DATA, "0x00 multibase prefix");
    // No roots, an extra key, stray bytes after the map, a root that is not a CID.
    assertRefused(withHeader("a16776657273696f6e01"), Kind.INVALID_DATA, "exactly 'roots'");
    assertRefused(withHeader("a365726f6f747381" + root + "6776657273696f6e01" + "6878787878787878780a"),
        Kind.INVALID_DATA, "exactly 'roots'");
    assertRefused(withHeader("a265726f6f747381" + root + "6776657273696f6e0100"), Kind.INVALID_DATA, "stray");
    assertRefused(withHeader("a265726f6f747381d82a43000102" + "6776657273696f6e01"), Kind.INVALID_DATA,
        "not a valid CID");
  }

  @Test
  void readsAHeaderWithSeveralRootsAndNone() throws IOException {
    Cid first = Cid.parse(GO_CAR_ROOT);
    Cid second = Cid.of(0, Cid.DAG_PB, new byte[] {0x0a, 0x02, 0x08, 0x01});
    for (List<Cid> roots : List.of(List.<Cid>of(), List.of(first, second))) {
      byte[] header = CarHeader.encode(roots);
      byte[] car = concat(Varint.encode(header.length), header);
      assertThat(CarReader.read(new ByteArrayInputStream(car), new RecordingSink())).isEqualTo(roots);
    }
  }

  @Test
  void aFailingInputStreamStillFlushesWhatWasVerified() throws IOException {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    RecordingSink sink = new RecordingSink();
    assertThatThrownBy(() -> CarReader.read(new SequenceInputStream(new ByteArrayInputStream(FIXTURE), failing),
        sink)).isInstanceOf(IOException.class).hasMessage("connection reset");
    assertThat(sink.blocks).hasSize(1);
    assertThat(sink.flushes).isEqualTo(1);
  }
}
