package io.citrate.ipfs.internal.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.dag.DagLinks;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import io.citrate.ipfs.internal.unixfs.FileImporterTest.MapSink;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryImporterTest {
  @TempDir
  Path temp;

  @Test
  void anEmptyDirectoryIsKubos() {
    assertThat(new DirectoryImporter(ImportOptions.KUBO_DEFAULT, new MapSink()).finish().root())
        .hasToString("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    assertThat(new DirectoryImporter(ImportOptions.KUBO_CID_V1, new MapSink()).finish().root())
        .hasToString("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354");
  }

  @Test
  void linksAreSortedByUtf8BytesWithCumulativeSizes() throws IOException {
    MapSink sink = new MapSink();
    DirectoryImporter importer = new DirectoryImporter(ImportOptions.KUBO_DEFAULT, sink);
    for (String name : List.of("é", "b", "Z", "a", "日本")) {
      importer.addFile(name, text(name));
    }
    importer.addDirectory("empty");
    importer.addFile("sub/deeper/x", text("x"));
    ImportResult result = importer.finish();
    PbNode root = PbNode.decode(sink.blocks.get(result.root()));
    assertThat(root.links()).extracting(PbLink::name).containsExactly("Z", "a", "b", "empty", "sub", "é", "日本");
    assertThat(UnixFsData.decode(root.data()).type()).isEqualTo(UnixFsData.Type.DIRECTORY);
    PbLink empty = root.links().get(3);
    assertThat(empty.cid()).hasToString("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    assertThat(empty.size()).isEqualTo(4);
    PbLink sub = root.links().get(4);
    PbNode subNode = PbNode.decode(sink.blocks.get(sub.cid()));
    PbNode deeper = PbNode.decode(sink.blocks.get(subNode.links().get(0).cid()));
    long fileSize = deeper.links().get(0).size();
    assertThat(fileSize).isEqualTo(sink.blocks.get(deeper.links().get(0).cid()).length);
    long deeperSize = sink.blocks.get(subNode.links().get(0).cid()).length + fileSize;
    assertThat(subNode.links().get(0).size()).isEqualTo(deeperSize);
    assertThat(sub.size()).isEqualTo(sink.blocks.get(sub.cid()).length + deeperSize);
    assertThat(result.dagBytes()).isEqualTo(sink.totalBytes);
    assertThat(result.blocks()).isEqualTo(sink.puts);
    assertThat(result.contentBytes()).isEqualTo(2 + 1 + 1 + 1 + 6 + 1);
    assertThat(sink.flushes).isEqualTo(1);
  }

  @Test
  void theOrderEntriesArriveInMakesNoDifference() throws IOException {
    DirectoryImporter forward = new DirectoryImporter(ImportOptions.KUBO_CID_V1, new MapSink());
    forward.addDirectory("d");
    forward.addFile("d/one", text("1"));
    forward.addFile("two", text("2"));
    DirectoryImporter backward = new DirectoryImporter(ImportOptions.KUBO_CID_V1, new MapSink());
    backward.addFile("two", text("2"));
    backward.addFile("d//one", text("1"));
    backward.addDirectory("d");
    assertThat(backward.finish()).isEqualTo(forward.finish());
  }

  @Test
  void aDuplicatePathIsRefusedBeforeItsContentIsRead() throws IOException {
    DirectoryImporter importer = new DirectoryImporter(ImportOptions.KUBO_DEFAULT, new MapSink());
    importer.addFile("a/b", text("b"));
    InputStream untouchable = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("content of a refused file was read");
      }
    };
    assertRefused(() -> importer.addFile("a/b", untouchable), Kind.INVALID_PATH, "already added");
    assertRefused(() -> importer.addFile("a", untouchable), Kind.INVALID_PATH, "already added");
    assertRefused(() -> importer.addFile("a/b/c", untouchable), Kind.INVALID_PATH, "goes through the file");
    assertRefused(() -> importer.addDirectory("a/b"), Kind.INVALID_PATH, "as a file");
    importer.addDirectory("a");
    assertThat(importer.finish().root()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "//", "/a", "a/../b", "..", ".", "a/./b", "a/\u0000/b"})
  void refusesPathsThatNameNoEntryOrLeaveTheDirectory(String path) {
    DirectoryImporter importer = new DirectoryImporter(ImportOptions.KUBO_DEFAULT, new MapSink());
    assertRefused(() -> importer.addFile(path, text("x")), Kind.INVALID_PATH, "");
    assertRefused(() -> importer.addDirectory(path), Kind.INVALID_PATH, "");
  }

  @Test
  void refusesOverLongAndMissingPaths() {
    DirectoryImporter importer = new DirectoryImporter(ImportOptions.KUBO_DEFAULT, new MapSink());
    assertRefused(() -> importer.addFile("a/".repeat(3000), text("x")), Kind.INVALID_PATH, "limit");
    assertRefused(() -> importer.addDirectory(null), Kind.INVALID_PATH, "missing");
  }

  @Test
  void isFinishedOnce() throws IOException {
    DirectoryImporter importer = new DirectoryImporter(ImportOptions.KUBO_DEFAULT, new MapSink());
    importer.finish();
    assertThatThrownBy(importer::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> importer.addFile("a", text("a"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shardsOnlyWhenTheLinksEstimateExceedsTheThreshold() throws IOException {
    // three entries of a 1-byte name and a 36-byte CIDv1: an estimate of 111
    assertThat(rootType(threeFiles(111))).isEqualTo(UnixFsData.Type.DIRECTORY);
    assertThat(rootType(threeFiles(110))).isEqualTo(UnixFsData.Type.HAMT_SHARD);
  }

  @Test
  void hamtShardsFollowKubosLayout() throws IOException {
    MapSink sink = new MapSink();
    DirectoryImporter importer = new DirectoryImporter(new ImportOptions(1, true, 262_144, 174, 0), sink);
    List<String> names = new ArrayList<>();
    for (int index = 0; index < 600; index++) {
      names.add("file-" + index);
      importer.addFile("file-" + index, text(Integer.toString(index)));
    }
    importer.addFile("sub/inner", text("inner"));
    names.add("sub");
    ImportResult result = importer.finish();
    PbNode root = PbNode.decode(sink.blocks.get(result.root()));
    UnixFsData data = UnixFsData.decode(root.data());
    assertThat(data.type()).isEqualTo(UnixFsData.Type.HAMT_SHARD);
    assertThat(data.hashType()).isEqualTo(HamtShard.MURMUR3_X64_64);
    assertThat(data.fanout()).isEqualTo(256);
    // every name is found by following its hash, one byte per level
    for (String name : names) {
      byte[] hash = Murmur3.x64Hash64(name.getBytes(StandardCharsets.UTF_8));
      PbNode node = root;
      for (int depth = 0; ; depth++) {
        String slot = HexFormat.of().withUpperCase().toHexDigits(hash[depth]);
        PbLink link = node.links().stream().filter(candidate -> candidate.name().startsWith(slot))
            .findFirst().orElseThrow();
        if (link.name().length() > 2) {
          assertThat(link.name()).isEqualTo(slot + name);
          break;
        }
        node = PbNode.decode(sink.blocks.get(link.cid()));
        assertThat(UnixFsData.decode(node.data()).type()).isEqualTo(UnixFsData.Type.HAMT_SHARD);
      }
    }
    // the bitfield marks exactly the slots linked, big-endian, without leading zero bytes
    byte[] bitfield = data.data();
    assertThat(bitfield[0]).isNotZero();
    int set = 0;
    for (byte value : bitfield) {
      set += Integer.bitCount(value & 0xFF);
    }
    assertThat(set).isEqualTo(root.links().size());
    assertThat(result.dagBytes()).isEqualTo(sink.totalBytes);
  }

  @Test
  void murmur3MatchesTheReferenceImplementation() {
    assertThat(Murmur3.x64Hash128(new byte[0])).containsExactly(0, 0);
    assertThat(Murmur3.x64Hash128("hello".getBytes(StandardCharsets.US_ASCII)))
        .containsExactly(0xcbd8a7b341bd9b02L, 0x5b1e906a48ae1d19L);
    assertThat(HexFormat.of().formatHex(Murmur3.x64Hash64("hello".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("cbd8a7b341bd9b02");
  }

  @Test
  void importsATreeFromDiskWithHiddenEntriesAndEmptyDirectories() throws IOException {
    Path top = Files.createDirectory(temp.resolve("top"));
    Files.writeString(top.resolve("a.txt"), "alpha\n");
    Files.writeString(top.resolve(".hidden"), "h");
    Files.createDirectories(top.resolve("sub/empty"));
    Files.writeString(top.resolve("sub/b.txt"), "beta\n");

    DirectoryImporter expected = new DirectoryImporter(ImportOptions.KUBO_DEFAULT, new MapSink());
    expected.addFile("a.txt", text("alpha\n"));
    expected.addFile(".hidden", text("h"));
    expected.addDirectory("sub/empty");
    expected.addFile("sub/b.txt", text("beta\n"));
    MapSink sink = new MapSink();
    assertThat(DirectoryImporter.importPath(top, ImportOptions.KUBO_DEFAULT, sink)).isEqualTo(expected.finish());
    assertThat(sink.flushes).isEqualTo(1);

    ImportResult file = DirectoryImporter.importPath(top.resolve("a.txt"), ImportOptions.KUBO_CID_V1, new MapSink());
    assertThat(file.root()).isEqualTo(Cid.of(1, Cid.RAW, "alpha\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesSymbolicLinksAndMissingPaths() throws IOException {
    Path top = Files.createDirectory(temp.resolve("linked"));
    Files.writeString(top.resolve("target.txt"), "t");
    Path link = Files.createSymbolicLink(top.resolve("link.txt"), top.resolve("target.txt"));
    assertRefused(() -> DirectoryImporter.importPath(top, ImportOptions.KUBO_DEFAULT, new MapSink()),
        Kind.INVALID_DATA, "symbolic link");
    assertRefused(() -> DirectoryImporter.importPath(link, ImportOptions.KUBO_DEFAULT, new MapSink()),
        Kind.INVALID_DATA, "symbolic link");
    Path linkedDirectory = Files.createSymbolicLink(temp.resolve("dirlink"), top);
    assertRefused(() -> DirectoryImporter.importPath(linkedDirectory, ImportOptions.KUBO_DEFAULT, new MapSink()),
        Kind.INVALID_DATA, "symbolic link");
    assertRefused(() -> DirectoryImporter.importPath(temp.resolve("absent"), ImportOptions.KUBO_DEFAULT,
        new MapSink()), Kind.NOT_FOUND, "does not exist");
  }

  @Test
  void aTreeImportedIntoTheBlockstoreCanBeWalkedAndReadBack() throws IOException {
    KeyValueBlockstore blockstore = new KeyValueBlockstore(new MemoryKeyValueStore());
    byte[] content = FileImporterTest.bytes(3 * 262_144 + 17, 4);
    ImportResult result;
    try (KeyValueBlockstore.BlockWriter writer = blockstore.writer()) {
      DirectoryImporter importer = new DirectoryImporter(new ImportOptions(0, false, 262_144, 174, 200), writer);
      importer.addFile("data/large.bin", new ByteArrayInputStream(content));
      for (int index = 0; index < 20; index++) {
        importer.addFile("many/entry-" + index, text("entry " + index));
      }
      result = importer.finish();
    }
    MapSink reachable = new MapSink();
    ArrayDeque<Cid> toVisit = new ArrayDeque<>(List.of(result.root()));
    while (!toVisit.isEmpty()) {
      Cid cid = toVisit.pop();
      byte[] block = blockstore.get(cid);
      reachable.put(cid, block);
      toVisit.addAll(DagLinks.of(cid, block));
    }
    assertThat(reachable.puts).isEqualTo(result.blocks());
    assertThat(reachable.totalBytes).isEqualTo(result.dagBytes());
    PbNode root = PbNode.decode(reachable.blocks.get(result.root()));
    Cid data = root.links().get(0).cid();
    Cid file = PbNode.decode(reachable.blocks.get(data)).links().get(0).cid();
    assertThat(FileImporterTest.read(file, reachable)).isEqualTo(content);
  }

  private UnixFsData.Type rootType(ImportOptions options) throws IOException {
    MapSink sink = new MapSink();
    DirectoryImporter importer = new DirectoryImporter(options, sink);
    for (String name : List.of("a", "b", "c")) {
      importer.addFile(name, text(name));
    }
    ImportResult result = importer.finish();
    return UnixFsData.decode(PbNode.decode(sink.blocks.get(result.root())).data()).type();
  }

  private static ImportOptions threeFiles(long threshold) {
    return new ImportOptions(1, true, 262_144, 174, threshold);
  }

  private static InputStream text(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void assertRefused(Action action, Kind kind, String messagePart) {
    IpfsException error = catchThrowableOfType(IpfsException.class, () -> {
      try {
        action.run();
      } catch (IpfsException e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError("expected an IpfsException", e);
      }
    });
    assertThat(error).as("refused with %s", kind).isNotNull();
    assertThat(error.kind()).isEqualTo(kind);
    assertThat(error.getMessage()).contains(messagePart);
  }
}
