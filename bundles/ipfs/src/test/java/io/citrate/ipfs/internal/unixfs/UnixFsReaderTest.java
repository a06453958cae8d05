package io.citrate.ipfs.internal.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.api.Multihash;
import io.citrate.ipfs.api.UnixFsEntry;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.UnixFsData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnixFsReaderTest {
  private static byte[] content(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] read(UnixFsReader reader, Cid file, long offset, long length) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = reader.read(file, offset, length, out);
    assertThat(written).isEqualTo(out.size());
    return out.toByteArray();
  }

  private static byte[] slice(byte[] bytes, long offset, long length) {
    int from = (int) Math.min(bytes.length, offset);
    int to = (int) Math.min(bytes.length, Math.min(Long.MAX_VALUE - offset, length) + offset);
    return Arrays.copyOfRange(bytes, from, Math.max(from, to));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void readsEveryRangeOfAThreeLevelTree(boolean rawLeaves) throws IOException {
    TestDag dag = new TestDag(rawLeaves ? 1 : 0);
    byte[] content = content(100, 1);
    // 7-byte chunks, 3 links per node: 15 leaves under 5 nodes under 2 under the root.
    Cid root = dag.file(content, 7, 3, rawLeaves);
    UnixFsReader reader = new UnixFsReader(dag);
    for (int offset = 0; offset <= 101; offset++) {
      for (int length : new int[] {0, 1, 6, 7, 8, 20, 99, 100, 200}) {
        assertThat(read(reader, root, offset, length)).as("offset %d length %d", offset, length)
            .isEqualTo(slice(content, offset, length));
      }
      assertThat(read(reader, root, offset, Long.MAX_VALUE)).isEqualTo(slice(content, offset, Long.MAX_VALUE));
    }
    assertThat(reader.stat(root)).isEqualTo(new UnixFsEntry("", root, UnixFsEntry.Type.FILE, 100,
        dag.cumulativeSize(root)));
  }

  @Test
  void aRangeFetchesOnlyTheBlocksOnItsPath() throws IOException {
    TestDag dag = new TestDag(1);
    byte[] content = content(100, 2);
    Cid root = dag.file(content, 7, 3, true);
    UnixFsReader reader = new UnixFsReader(dag);

    dag.fetched().clear();
    assertThat(read(reader, root, 99, 1)).containsExactly(content[99]);
    // The root, one node per level and the last leaf: no sibling subtree is fetched.
    assertThat(dag.fetched()).hasSize(4);

    dag.fetched().clear();
    assertThat(read(reader, root, 500, 10)).isEmpty();
    assertThat(dag.fetched()).containsExactly(root);
  }

  @Test
  void readsInlineDataBeforeTheChildren() throws IOException {
    TestDag dag = new TestDag(0);
    Cid first = dag.leaf("world".getBytes(StandardCharsets.UTF_8), true);
    Cid second = dag.leaf("!!".getBytes(StandardCharsets.UTF_8), false);
    Cid root = dag.fileNode("hello ".getBytes(StandardCharsets.UTF_8), List.of(first, second));
    UnixFsReader reader = new UnixFsReader(dag);
    assertThat(new String(read(reader, root, 0, Long.MAX_VALUE), StandardCharsets.UTF_8)).isEqualTo("hello world!!");
    assertThat(new String(read(reader, root, 4, 4), StandardCharsets.UTF_8)).isEqualTo("o wo");
    assertThat(new String(read(reader, root, 11, 5), StandardCharsets.UTF_8)).isEqualTo("!!");
    assertThat(reader.stat(root).size()).isEqualTo(13);
  }

  @Test
  void readsRawAndSingleLeafFiles() throws IOException {
    TestDag dag = new TestDag(0);
    Cid raw = dag.raw("abc".getBytes(StandardCharsets.UTF_8));
    Cid leaf = dag.leaf("abc".getBytes(StandardCharsets.UTF_8), false);
    Cid empty = dag.leaf(new byte[0], false);
    UnixFsReader reader = new UnixFsReader(dag);
    assertThat(read(reader, raw, 1, 5)).isEqualTo("bc".getBytes(StandardCharsets.UTF_8));
    assertThat(read(reader, leaf, 0, 2)).isEqualTo("ab".getBytes(StandardCharsets.UTF_8));
    assertThat(read(reader, empty, 0, Long.MAX_VALUE)).isEmpty();
    assertThat(reader.stat(raw)).isEqualTo(new UnixFsEntry("", raw, UnixFsEntry.Type.RAW, 3, 3));
    assertThat(reader.stat(empty).size()).isZero();
    assertThat(empty.toString()).isEqualTo("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
  }

  @Test
  void readsAnIdentityBlockFromItsId() throws IOException {
    byte[] bytes = "inline".getBytes(StandardCharsets.UTF_8);
    Cid identity = Cid.v1(Cid.RAW, Multihash.identity(bytes));
    TestDag dag = new TestDag(1);
    assertThat(read(new UnixFsReader(dag), identity, 0, Long.MAX_VALUE)).isEqualTo(bytes);
    assertThat(dag.fetched()).isEmpty();
  }

  @Test
  void theStreamFetchesBlocksOnlyAsItIsRead() throws IOException {
    TestDag dag = new TestDag(1);
    byte[] content = content(1000, 3);
    Cid root = dag.file(content, 10, 4, true);
    UnixFsReader reader = new UnixFsReader(dag);
    dag.fetched().clear();
    try (InputStream in = reader.open(root, 5, 990)) {
      assertThat(dag.fetched()).isEmpty();
      assertThat(in.read()).isEqualTo(content[5] & 0xFF);
      int fetchedForOneByte = dag.fetched().size();
      assertThat(fetchedForOneByte).isLessThan(10);
      byte[] rest = in.readAllBytes();
      assertThat(rest).isEqualTo(Arrays.copyOfRange(content, 6, 995));
      assertThat(in.read()).isEqualTo(-1);
    }
    try (InputStream in = reader.open(root, 2000, 10)) {
      assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
    }
  }

  @Test
  void listsResolvesAndStatsABasicDirectory() throws IOException {
    TestDag dag = new TestDag(0);
    Cid hello = dag.leaf("hello\n".getBytes(StandardCharsets.UTF_8), false);
    Cid raw = dag.raw("raw".getBytes(StandardCharsets.UTF_8));
    Cid empty = dag.directory(Map.of());
    Cid inner = dag.directory(Map.of("deep.txt", hello));
    Map<String, Cid> entries = new LinkedHashMap<>();
    entries.put("b.txt", hello);
    entries.put("é", raw);
    entries.put("Z", empty);
    entries.put("a", inner);
    Cid root = dag.directory(entries);
    UnixFsReader reader = new UnixFsReader(dag);

    assertThat(reader.list(root)).extracting(UnixFsEntry::name).containsExactly("Z", "a", "b.txt", "é");
    assertThat(reader.list(root)).containsExactly(
        new UnixFsEntry("Z", empty, UnixFsEntry.Type.DIRECTORY, 0, dag.cumulativeSize(empty)),
        new UnixFsEntry("a", inner, UnixFsEntry.Type.DIRECTORY, 0, dag.cumulativeSize(inner)),
        new UnixFsEntry("b.txt", hello, UnixFsEntry.Type.FILE, 6, dag.cumulativeSize(hello)),
        new UnixFsEntry("é", raw, UnixFsEntry.Type.RAW, 3, 3));
    assertThat(reader.list(empty)).isEmpty();
    assertThat(reader.stat(root).type()).isEqualTo(UnixFsEntry.Type.DIRECTORY);
    assertThat(reader.stat(root).dagSize()).isEqualTo(dag.cumulativeSize(root));

    IpfsPath deep = new IpfsPath(root, List.of("a", "deep.txt"));
    assertThat(reader.resolveBlocks(deep)).containsExactly(root, inner, hello);
    assertThat(reader.resolve(deep)).isEqualTo(hello);
    assertThat(reader.resolve(IpfsPath.of(root))).isEqualTo(root);
    assertThat(read(reader, reader.resolve(new IpfsPath(root, List.of("é"))), 0, 10))
        .isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesPathsThroughMissingEntriesAndFiles() {
    TestDag dag = new TestDag(1);
    Cid file = dag.leaf("x".getBytes(StandardCharsets.UTF_8), true);
    Cid root = dag.directory(Map.of("f", file));
    UnixFsReader reader = new UnixFsReader(dag);
    assertKind(() -> reader.resolve(new IpfsPath(root, List.of("missing"))), Kind.NOT_FOUND);
    assertKind(() -> reader.resolve(new IpfsPath(root, List.of("f", "below"))), Kind.INVALID_PATH);
    assertKind(() -> reader.list(file), Kind.INVALID_PATH);
    assertKind(() -> reader.read(root, 0, 1, new ByteArrayOutputStream()), Kind.INVALID_PATH);
    dag.remove(file);
    assertKind(() -> reader.list(root), Kind.NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 16, 256})
  void listsAndResolvesThroughHamtShards(int fanout) throws IOException {
    TestDag dag = new TestDag(1);
    Map<String, Cid> entries = new LinkedHashMap<>();
    for (int index = 0; index < 600; index++) {
      entries.put("file-" + index, dag.raw(("content " + index).getBytes(StandardCharsets.UTF_8)));
    }
    Cid root = dag.hamt(entries, fanout);
    UnixFsReader reader = new UnixFsReader(dag);

    List<UnixFsEntry> listed = reader.list(root);
    assertThat(listed).extracting(UnixFsEntry::name)
        .containsExactlyElementsOf(entries.keySet().stream().sorted().toList());
    assertThat(listed).allSatisfy(entry -> assertThat(entry.cid()).isEqualTo(entries.get(entry.name())));
    assertThat(reader.stat(root).type()).isEqualTo(UnixFsEntry.Type.HAMT_DIRECTORY);

    for (String name : List.of("file-0", "file-333", "file-599")) {
      List<Cid> blocks = reader.resolveBlocks(new IpfsPath(root, List.of(name)));
      assertThat(blocks.get(0)).isEqualTo(root);
      assertThat(blocks.get(blocks.size() - 1)).isEqualTo(entries.get(name));
      // 600 names overflow every bucket of a small fanout: the path goes through inner shards.
      if (fanout < 256) {
        assertThat(blocks).hasSizeGreaterThan(2);
      }
      assertThat(new String(read(reader, blocks.get(blocks.size() - 1), 0, 100), StandardCharsets.UTF_8))
          .isEqualTo("content " + name.substring(5));
    }
    assertKind(() -> reader.resolve(new IpfsPath(root, List.of("file-600"))), Kind.NOT_FOUND);
  }

  @Test
  void statsASymlink() {
    TestDag dag = new TestDag(1);
    byte[] target = "../elsewhere".getBytes(StandardCharsets.UTF_8);
    Cid link = dag.node(List.of(), new UnixFsData(UnixFsData.Type.SYMLINK, target, null, null, null, null, null,
        null, null));
    UnixFsReader reader = new UnixFsReader(dag);
    assertThat(reader.stat(link).type()).isEqualTo(UnixFsEntry.Type.SYMLINK);
    assertThat(reader.stat(link).size()).isEqualTo(target.length);
    assertKind(() -> reader.read(link, 0, 10, new ByteArrayOutputStream()), Kind.INVALID_PATH);
  }

  @Test
  void aLinkWithoutSizeIsListedWithTheChildsOwnSize() {
    TestDag dag = new TestDag(1);
    Cid child = dag.raw(new byte[5]);
    Cid root = dag.node(List.of(new PbLink(child, "c", PbLink.UNKNOWN_SIZE)), UnixFsData.directory());
    assertThat(new UnixFsReader(dag).list(root)).containsExactly(
        new UnixFsEntry("c", child, UnixFsEntry.Type.RAW, 5, 5));
  }

  static void assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Kind kind) {
    assertThatThrownBy(call).isInstanceOfSatisfying(IpfsException.class,
        e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
  }
}
