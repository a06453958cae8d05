package io.citrate.ipfs.internal.unixfs;

import static io.citrate.ipfs.internal.unixfs.UnixFsReaderTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.UnixFsData;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DAGs that contradict themselves: each is refused with INVALID_DATA and a reason, never read wrongly. */
class UnixFsReaderMalformedTest {
  private final TestDag dag = new TestDag(1);
  private final UnixFsReader reader = new UnixFsReader(dag);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Cid fileNode(byte[] inline, Long fileSize, long[] blockSizes, List<Cid> children) {
    List<PbLink> links = new ArrayList<>();
    for (Cid child : children) {
      links.add(dag.link("", child));
    }
    return dag.node(links, new UnixFsData(UnixFsData.Type.FILE, inline, fileSize, blockSizes, null, null, null,
        null, null));
  }

  private void assertInvalidRead(Cid file, String messagePart) {
    assertThatThrownBy(() -> reader.read(file, 0, Long.MAX_VALUE, OutputStream.nullOutputStream()))
        .isInstanceOfSatisfying(IpfsException.class, e -> {
          assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.INVALID_DATA);
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  @Test
  void blockSizesThatDoNotAddUpToTheFileSize() {
    Cid leaf = dag.raw(bytes("abcd"));
    Cid file = fileNode(null, 5L, new long[] {4}, List.of(leaf));
    assertInvalidRead(file, "filesize 5");
    assertKind(() -> reader.stat(file), Kind.INVALID_DATA);
  }

  @Test
  void moreLinksThanBlockSizes() {
    Cid leaf = dag.raw(bytes("abcd"));
    assertInvalidRead(fileNode(null, 4L, new long[] {4}, List.of(leaf, leaf)), "2 links but 1 block sizes");
  }

  @Test
  void aRawLeafShorterThanItsParentClaims() {
    Cid leaf = dag.raw(bytes("abc"));
    assertInvalidRead(fileNode(null, 4L, new long[] {4}, List.of(leaf)), "where its parent says 4");
  }

  @Test
  void aDagPbLeafLongerThanItsParentClaims() {
    Cid leaf = dag.leaf(bytes("abcde"), false);
    assertInvalidRead(fileNode(null, 4L, new long[] {4}, List.of(leaf)), "holds 5 bytes");
  }

  @Test
  void theErrorComesWhenTheBadLeafIsReachedAndNotBefore() throws Exception {
    Cid good = dag.raw(bytes("good"));
    Cid bad = dag.raw(bytes("ba"));
    Cid file = fileNode(null, 12L, new long[] {4, 4, 4}, List.of(good, bad, good));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(reader.read(file, 0, 4, out)).isEqualTo(4);
    try (InputStream in = reader.open(file, 0, Long.MAX_VALUE)) {
      assertThat(in.readNBytes(4)).isEqualTo(bytes("good"));
      assertThatThrownBy(in::read).isInstanceOfSatisfying(IpfsException.class,
          e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_DATA));
      // Reading on after the failure does not skip past the bad leaf.
      assertThatThrownBy(in::readAllBytes).isInstanceOf(IpfsException.class);
    }
  }

  @Test
  void blockSizesBeyondTheLongRange() {
    Cid leaf = dag.raw(bytes("a"));
    assertInvalidRead(fileNode(null, null, new long[] {Long.MAX_VALUE, 1}, List.of(leaf, leaf)), "2^63");
    assertInvalidRead(fileNode(null, null, new long[] {-1}, List.of(leaf)), "2^63");
  }

  @Test
  void anUnknownUnixFsType() {
    // Data { Type = 7 }: no such UnixFS type.
    Cid node = dag.node(List.of(), new byte[] {0x08, 0x07});
    assertKind(() -> reader.stat(node), Kind.INVALID_DATA);
    assertInvalidRead(node, "unknown UnixFS node type 7");
  }

  @Test
  void aDagPbNodeWithoutUnixFsData() {
    Cid node = dag.node(List.of(), (byte[]) null);
    assertKind(() -> reader.stat(node), Kind.INVALID_DATA);
  }

  @Test
  void garbageInADagPbBlock() {
    byte[] garbage = {(byte) 0xff, 0x01, 0x02};
    Cid cid = Cid.of(1, Cid.DAG_PB, garbage);
    dag.put(cid, garbage);
    assertKind(() -> reader.stat(cid), Kind.INVALID_DATA);
    assertKind(() -> reader.list(cid), Kind.INVALID_DATA);
  }

  @Test
  void aCodecThatIsNotUnixFs() {
    byte[] cbor = {(byte) 0xa0};
    Cid cid = Cid.of(1, Cid.DAG_CBOR, cbor);
    dag.put(cid, cbor);
    assertKind(() -> reader.stat(cid), Kind.INVALID_DATA);
    assertInvalidRead(cid, "not UnixFS");
  }

  @Test
  void aDirectoryInsideAFile() {
    Cid directory = dag.directory(Map.of());
    assertInvalidRead(fileNode(null, 1L, new long[] {1}, List.of(directory)), "as a part of its content");
  }

  @Test
  void aFileDeeperThanTheLimit() {
    Cid node = dag.raw(bytes("x"));
    for (int level = 0; level <= UnixFsReader.MAX_DEPTH; level++) {
      node = fileNode(null, 1L, new long[] {1}, List.of(node));
    }
    assertInvalidRead(node, "deeper than 64");
  }

  @Test
  void aMetadataNode() {
    Cid node = dag.node(List.of(), new UnixFsData(UnixFsData.Type.METADATA, null, null, null, null, null, null,
        null, null));
    assertKind(() -> reader.stat(node), Kind.INVALID_DATA);
    assertInvalidRead(node, "metadata");
  }

  @Test
  void directoryEntriesThatAreNotFileNames() {
    Cid child = dag.raw(bytes("x"));
    for (String name : new String[] {"..", ".", "", "a/b"}) {
      Cid root = dag.node(List.of(dag.link(name, child)), UnixFsData.directory());
      assertKind(() -> reader.list(root), Kind.INVALID_DATA);
      assertKind(() -> reader.resolve(new IpfsPath(root, List.of("x"))), Kind.INVALID_DATA);
    }
    Cid unnamed = dag.node(List.of(new PbLink(child, null, 1)), UnixFsData.directory());
    assertKind(() -> reader.list(unnamed), Kind.INVALID_DATA);
  }

  @Test
  void aDirectoryNamingAnEntryTwice() {
    Cid child = dag.raw(bytes("x"));
    Cid root = dag.node(List.of(dag.link("same", child), dag.link("same", child)), UnixFsData.directory());
    assertKind(() -> reader.list(root), Kind.INVALID_DATA);
  }

  // ---- HAMT shards

  private Map<String, Cid> entries(int count) {
    Map<String, Cid> entries = new LinkedHashMap<>();
    for (int index = 0; index < count; index++) {
      entries.put("entry-" + index, dag.raw(bytes("value " + index)));
    }
    return entries;
  }

  private Cid shard(List<PbLink> links, byte[] bitfield, Long hashType, Long fanout) {
    return dag.node(links, new UnixFsData(UnixFsData.Type.HAMT_SHARD, bitfield, null, null, hashType, fanout, null,
        null, null));
  }

  private void assertInvalidDirectory(Cid root, String name) {
    assertKind(() -> reader.list(root), Kind.INVALID_DATA);
    assertKind(() -> reader.resolve(new IpfsPath(root, List.of(name))), Kind.INVALID_DATA);
  }

  /** The bucket of a name at the first level of a fanout-256 shard. */
  private static int bucket(String name) {
    return HamtHash.bits(HamtHash.of(bytes(name)), 0, 8);
  }

  private static byte[] bitfieldOf(int... buckets) {
    byte[] bitfield = new byte[32];
    for (int bucket : buckets) {
      bitfield[31 - bucket / 8] |= (byte) (1 << (bucket % 8));
    }
    return bitfield;
  }

  @Test
  void aShardWithAnUnsupportedHashOrFanout() {
    Cid child = dag.raw(bytes("x"));
    String name = "a";
    String linkName = String.format("%02X", bucket(name)) + name;
    List<PbLink> links = List.of(dag.link(linkName, child));
    assertInvalidDirectory(shard(links, bitfieldOf(bucket(name)), 0x12L, 256L), name);
    assertInvalidDirectory(shard(links, bitfieldOf(bucket(name)), null, 256L), name);
    assertInvalidDirectory(shard(links, bitfieldOf(bucket(name)), 0x22L, 100L), name);
    assertInvalidDirectory(shard(links, bitfieldOf(bucket(name)), 0x22L, 4096L), name);
    assertInvalidDirectory(shard(links, bitfieldOf(bucket(name)), 0x22L, null), name);
  }

  @Test
  void aShardWhoseBitfieldDisagreesWithItsLinks() {
    Cid child = dag.raw(bytes("x"));
    String name = "a";
    int bucket = bucket(name);
    List<PbLink> links = List.of(dag.link(String.format("%02X", bucket) + name, child));
    assertInvalidDirectory(shard(links, bitfieldOf((bucket + 1) % 256), 0x22L, 256L), name);
    assertInvalidDirectory(shard(links, bitfieldOf(bucket, (bucket + 1) % 256), 0x22L, 256L), name);
    assertInvalidDirectory(shard(links, new byte[33], 0x22L, 256L), name);
    assertThat(reader.list(shard(links, bitfieldOf(bucket), 0x22L, 256L))).hasSize(1);
  }

  @Test
  void shardLinkNamesWithoutAValidBucketPrefix() {
    Cid child = dag.raw(bytes("x"));
    String name = "a";
    int bucket = bucket(name);
    String lower = String.format("%02x", bucket) + name;
    if (!lower.equals(String.format("%02X", bucket) + name)) {
      assertInvalidDirectory(shard(List.of(dag.link(lower, child)), bitfieldOf(bucket), 0x22L, 256L), name);
    }
    assertInvalidDirectory(shard(List.of(dag.link("G0" + name, child)), bitfieldOf(bucket), 0x22L, 256L), name);
    assertInvalidDirectory(shard(List.of(dag.link("A", child)), bitfieldOf(bucket), 0x22L, 256L), name);
  }

  @Test
  void anEntryInABucketItsNameDoesNotHashTo() {
    Cid child = dag.raw(bytes("x"));
    String name = "a";
    int wrong = (bucket(name) + 1) % 256;
    Cid root = shard(List.of(dag.link(String.format("%02X", wrong) + name, child)), bitfieldOf(wrong), 0x22L, 256L);
    assertKind(() -> reader.list(root), Kind.INVALID_DATA);
    // A lookup goes to the name's own bucket, which is empty.
    assertKind(() -> reader.resolve(new IpfsPath(root, List.of(name))), Kind.NOT_FOUND);
  }

  @Test
  void linksOutOfBucketOrder() {
    Map<String, Cid> entries = entries(2);
    List<PbLink> links = new ArrayList<>();
    List<Integer> buckets = new ArrayList<>();
    for (Map.Entry<String, Cid> entry : entries.entrySet()) {
      buckets.add(bucket(entry.getKey()));
      links.add(dag.link(String.format("%02X", bucket(entry.getKey())) + entry.getKey(), entry.getValue()));
    }
    if (buckets.get(0) < buckets.get(1)) {
      links = List.of(links.get(1), links.get(0));
    }
    Cid root = shard(links, bitfieldOf(buckets.get(0), buckets.get(1)), 0x22L, 256L);
    assertInvalidDirectory(root, "entry-0");
  }

  @Test
  void aChildShardThatIsNotAShard() {
    Cid file = dag.raw(bytes("not a shard"));
    Cid root = shard(List.of(dag.link("00", file)), bitfieldOf(0), 0x22L, 256L);
    assertKind(() -> reader.list(root), Kind.INVALID_DATA);
  }

  @Test
  void aShardNestedBeyondItsHashBits() {
    // Fanout 8 takes 3 bits a level: 22 levels of bucket 0 need 66 bits of a 64-bit hash.
    Cid node = shard(List.of(), new byte[0], 0x22L, 8L);
    for (int level = 0; level < 22; level++) {
      node = shard(List.of(dag.link("0", node)), new byte[] {1}, 0x22L, 8L);
    }
    Cid root = node;
    assertKind(() -> reader.list(root), Kind.INVALID_DATA);
    String allZeroBuckets = findNameInBucketZero();
    assertKind(() -> reader.resolve(new IpfsPath(root, List.of(allZeroBuckets))), Kind.NOT_FOUND);
  }

  /** A name whose first level bucket at fanout 8 is 0, so a lookup descends into the chain. */
  private static String findNameInBucketZero() {
    for (int index = 0; ; index++) {
      String name = "n" + index;
      if (HamtHash.bits(HamtHash.of(bytes(name)), 0, 3) == 0) {
        return name;
      }
    }
  }
}
