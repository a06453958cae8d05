package io.citrate.ipfs.internal.unixfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.dag.Multibase;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * Kubo conformance: every vector of {@code ${citrate.testdata}/ipfs/vectors.json} (or any file of that format,
 * FORMAT.md beside it) is imported with {@link ImportOptions#KUBO_DEFAULT} and {@link ImportOptions#KUBO_CID_V1}
 * and must give the published CIDs, root types, root link counts and, where listed, the root block byte for byte.
 * Generated content is checked against the vector's {@code sha256} first, and is streamed into the importer, never
 * held whole. Where a vector lists {@code other_profiles} that {@link ImportOptions} can express (CIDv1 with dag-pb
 * leaves, {@code --max-file-links 1024}, the 1 MiB chunks of {@code unixfs-v1-2025} for files), they are checked
 * too; the others are reported as not applicable, with the reason.
 *
 * <p>Each vector and column is one dynamic test; a summary of passed, failed and not applicable checks is written
 * to {@code target/ipfs-conformance.txt}.
 *
 * <p>Vectors marked {@code slow} (inputs of 256 MiB to 7.4 GiB) are skipped unless asked for; on two cores they
 * take about four minutes, most of it making the ChaCha20 content:
 * <pre>
 * cd bundles/ipfs &amp;&amp; mvn -o test -Dtest=IpfsConformanceTest -Dcitrate.ipfs.slow=true
 * </pre>
 * Another vectors file of the same format: {@code -Dcitrate.testdata=/path/to/testdata} (the file is read from its
 * {@code ipfs/vectors.json}).
 */
class IpfsConformanceTest {
  private static final String SLOW_PROPERTY = "citrate.ipfs.slow";
  /** Blocks up to this size are kept by the recording sink, so root blocks can be checked. */
  private static final int KEPT_BLOCK_SIZE = 64 * 1024;

  private static final ConcurrentLinkedQueue<String> SUMMARY = new ConcurrentLinkedQueue<>();

  @TestFactory
  List<DynamicNode> vectors() throws IOException {
    Path vectorsFile = vectorsFile();
    JsonNode document = new ObjectMapper().readTree(vectorsFile.toFile());
    assertThat(document.path("format").asText()).startsWith("ipfs-unixfs-cid-vectors/");
    JsonNode vectors = document.path("vectors");
    assertThat(vectors.isArray() && vectors.size() > 0).as("vectors array in %s", vectorsFile).isTrue();
    List<DynamicNode> nodes = new ArrayList<>();
    for (JsonNode vector : vectors) {
      nodes.add(dynamicContainer(vector.path("name").asText(), columns(vector, vectorsFile.getParent())));
    }
    return nodes;
  }

  private static Path vectorsFile() {
    String testdata = System.getProperty("citrate.testdata");
    Assumptions.assumeTrue(testdata != null, "system property citrate.testdata is not set");
    return Paths.get(testdata, "ipfs", "vectors.json");
  }

  private List<DynamicNode> columns(JsonNode vector, Path vectorsFolder) {
    String name = vector.path("name").asText();
    String kind = vector.path("kind").asText();
    if (!kind.equals("file") && !kind.equals("directory")) {
      return List.of(check(name, "kind", () -> {
        throw new AssertionError("vector kind '" + kind + "' is neither file nor directory");
      }));
    }
    Vector subject = new Vector(vector, vectorsFolder);
    List<DynamicNode> tests = new ArrayList<>();
    if (subject.isFile()) {
      tests.add(check(name, "sha256", () -> subject.checkContent()));
    }
    tests.add(check(name, "v0", () -> subject.checkColumn(ImportOptions.KUBO_DEFAULT, "v0")));
    tests.add(check(name, "v1_raw", () -> subject.checkColumn(ImportOptions.KUBO_CID_V1, "v1_raw")));
    Iterator<Map.Entry<String, JsonNode>> profiles = vector.path("other_profiles").fields();
    while (profiles.hasNext()) {
      Map.Entry<String, JsonNode> profile = profiles.next();
      String expected = profile.getValue().path("cid").asText();
      tests.add(check(name, "profile " + profile.getKey(), () -> {
        ProfileOptions options = ProfileOptions.of(profile.getKey(), subject.isFile());
        if (options.options().isEmpty()) {
          throw new TestAbortedException(options.reason());
        }
        subject.checkProfile(options.options().get(), expected);
      }));
    }
    return tests;
  }

  /** A dynamic test that records its outcome in the summary. */
  private DynamicNode check(String vector, String column, Executable body) {
    return dynamicTest(column, () -> {
      try {
        body.execute();
        SUMMARY.add("PASS  " + vector + " / " + column);
      } catch (TestAbortedException e) {
        SUMMARY.add("N/A   " + vector + " / " + column + ": " + e.getMessage());
        throw e;
      } catch (Throwable e) {
        SUMMARY.add("FAIL  " + vector + " / " + column + ": " + oneLine(e));
        throw e;
      }
    });
  }

  /** The failure's message on one line, short enough to scan. */
  private static String oneLine(Throwable failure) {
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    String line = message.replaceAll("\\s+", " ").trim();
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }

  @AfterAll
  static void writeSummary() throws IOException {
    List<String> lines = new ArrayList<>(SUMMARY);
    long passed = lines.stream().filter(line -> line.startsWith("PASS")).count();
    long failed = lines.stream().filter(line -> line.startsWith("FAIL")).count();
    long notApplicable = lines.stream().filter(line -> line.startsWith("N/A")).count();
    StringBuilder text = new StringBuilder();
    text.append("IPFS conformance: ").append(passed).append(" passed, ").append(failed).append(" failed, ")
        .append(notApplicable).append(" not applicable\n");
    text.append("vectors: ").append(System.getProperty("citrate.testdata")).append("/ipfs/vectors.json\n\n");
    for (String line : lines) {
      text.append(line).append('\n');
    }
    Path target = Paths.get("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("ipfs-conformance.txt"), text.toString());
  }

  /** One vector: where its content comes from, and the checks of its columns. */
  private static final class Vector {
    private final JsonNode vector;
    private final Path folder;

    Vector(JsonNode vector, Path folder) {
      this.vector = vector;
      this.folder = folder;
    }

    boolean isFile() {
      return vector.path("kind").asText().equals("file");
    }

    private void skipWhenSlow() {
      if (vector.path("slow").asBoolean(false) && !Boolean.getBoolean(SLOW_PROPERTY)) {
        throw new TestAbortedException("slow vector, run with -D" + SLOW_PROPERTY + "=true");
      }
    }

    /** The file content, from the inline text, the generator or the shipped input, in that order of preference. */
    InputStream content() throws IOException {
      return contentOf(vector);
    }

    private InputStream contentOf(JsonNode entry) throws IOException {
      if (entry.has("text")) {
        return new ByteArrayInputStream(entry.path("text").asText().getBytes(StandardCharsets.UTF_8));
      }
      if (entry.has("generator")) {
        return ContentGenerators.of(entry.path("generator"));
      }
      if (entry.has("input_file")) {
        return Files.newInputStream(folder.resolve(entry.path("input_file").asText()));
      }
      throw new IllegalArgumentException("entry has no text, generator or input_file: " + entry);
    }

    void checkContent() throws IOException {
      skipWhenSlow();
      String expected = vector.path("sha256").asText();
      MessageDigest sha256 = newSha256();
      assertThat(digest(content(), sha256)).as("content size").isEqualTo(vector.path("size").asLong());
      assertThat(Multibase.encodeBase16(sha256.digest())).as("SHA-256 of the content").isEqualTo(expected);
      if (vector.has("input_file")) {
        InputStream shipped = Files.newInputStream(folder.resolve(vector.path("input_file").asText()));
        digest(shipped, sha256);
        assertThat(Multibase.encodeBase16(sha256.digest())).as("SHA-256 of the shipped input").isEqualTo(expected);
      }
    }

    void checkColumn(ImportOptions options, String column) throws IOException {
      skipWhenSlow();
      RecordingSink sink = new RecordingSink();
      ImportResult result = importWith(options, sink);
      assertThat(result.root().toString()).as("cid_" + column).isEqualTo(vector.path("cid_" + column).asText());
      assertThat(result.contentBytes()).as("content bytes").isEqualTo(vector.path("size").asLong());
      byte[] root = sink.block(result.root());
      assertThat(result.root().matches(root)).as("root block hashes to the root id").isTrue();
      if (vector.has("root_type_" + column)) {
        assertThat(rootType(result.root(), root)).as("root_type_" + column)
            .isEqualTo(vector.path("root_type_" + column).asText());
      }
      if (vector.has("root_links_" + column)) {
        int links = result.root().codec() == Cid.RAW ? 0 : PbNode.decode(root).links().size();
        assertThat(links).as("root_links_" + column).isEqualTo(vector.path("root_links_" + column).asInt());
      }
      if (vector.has("root_block_hex_" + column)) {
        assertThat(Multibase.encodeBase16(root)).as("root_block_hex_" + column)
            .isEqualTo(vector.path("root_block_hex_" + column).asText());
      }
      if (result.root().codec() == Cid.RAW) {
        assertThat(result.dagBytes()).as("cumulative size of a raw root").isEqualTo(root.length);
      }
    }

    void checkProfile(ImportOptions options, String expectedCid) throws IOException {
      skipWhenSlow();
      ImportResult result = importWith(options, BlockSink.DISCARD);
      assertThat(result.root().toString()).as("profile CID").isEqualTo(expectedCid);
    }

    private ImportResult importWith(ImportOptions options, BlockSink sink) throws IOException {
      if (isFile()) {
        try (InputStream content = content()) {
          return new FileImporter(options, sink).importFile(content);
        }
      }
      DirectoryImporter directory = new DirectoryImporter(options, sink);
      if (vector.has("names_generator")) {
        addGeneratedNames(directory, vector.path("names_generator"));
      } else {
        for (JsonNode entry : vector.path("entries")) {
          String path = entry.path("path").asText();
          if (entry.path("type").asText().equals("dir")) {
            directory.addDirectory(path);
          } else {
            try (InputStream content = contentOf(entry)) {
              directory.addFile(path, content);
            }
          }
        }
      }
      return directory.finish();
    }

    /** Kubo's createDeterministicFiles: names cut from one ChaCha20 stream, each file holding the same content. */
    private static void addGeneratedNames(DirectoryImporter directory, JsonNode generator) throws IOException {
      String kind = generator.path("kind").asText();
      if (!kind.equals("kubo-hamt-names")) {
        throw new IllegalArgumentException("unknown names_generator kind '" + kind + "'");
      }
      String alphabet = "abcdefghijklmnopqrstuvwxyz01234567890-_";
      int files = generator.path("num_files").asInt();
      byte[] content = generator.path("content").asText().getBytes(StandardCharsets.UTF_8);
      try (InputStream stream = ContentGenerators.chacha20(generator.path("seed").asText(), 1024 * 1024)) {
        for (int index = 0; index < files; index++) {
          int length = generator.path(index == files - 1 ? "last_name_len" : "name_len").asInt();
          byte[] raw = stream.readNBytes(length);
          StringBuilder name = new StringBuilder(length);
          for (byte value : raw) {
            name.append(alphabet.charAt((value & 0xFF) % alphabet.length()));
          }
          directory.addFile(name.toString(), new ByteArrayInputStream(content));
        }
      }
    }
  }

  /** The options an {@code other_profiles} entry stands for, or why it has none. */
  private record ProfileOptions(Optional<ImportOptions> options, String reason) {
    static ProfileOptions of(String key, boolean file) {
      return switch (key) {
        case "v1pbleaves" -> expressible(new ImportOptions(1, false, ImportOptions.DEFAULT_CHUNK_SIZE,
            ImportOptions.DEFAULT_MAX_LINKS, ImportOptions.DEFAULT_SHARD_THRESHOLD));
        case "v0maxlinks1024" -> expressible(new ImportOptions(0, false, ImportOptions.DEFAULT_CHUNK_SIZE, 1024,
            ImportOptions.DEFAULT_SHARD_THRESHOLD));
        case "v1_2025" -> file
            ? expressible(new ImportOptions(1, true, ImportOptions.MAX_CHUNK_SIZE, 1024,
                ImportOptions.DEFAULT_SHARD_THRESHOLD))
            : new ProfileOptions(Optional.empty(), "unixfs-v1-2025 decides HAMT sharding by the \"block\" size"
                + " estimate; ImportOptions has only Kubo's default \"links\" estimate");
        case "v0rawleaves" -> expressible(new ImportOptions(0, true, ImportOptions.DEFAULT_CHUNK_SIZE,
            ImportOptions.DEFAULT_MAX_LINKS, ImportOptions.DEFAULT_SHARD_THRESHOLD));
        default -> new ProfileOptions(Optional.empty(), "profile '" + key + "' is not one ImportOptions maps");
      };
    }

    private static ProfileOptions expressible(ImportOptions options) {
      return new ProfileOptions(Optional.of(options), "");
    }
  }

  private static String rootType(Cid cid, byte[] block) {
    if (cid.codec() == Cid.RAW) {
      return "raw";
    }
    UnixFsData.Type type = UnixFsData.decode(PbNode.decode(block).data()).type();
    return switch (type) {
      case FILE -> "file";
      case DIRECTORY -> "directory";
      case HAMT_SHARD -> "hamt-sharded-directory";
      default -> type.name().toLowerCase();
    };
  }

  /** Feeds all of {@code content} to {@code sha256}; returns its length. */
  private static long digest(InputStream content, MessageDigest sha256) throws IOException {
    try (InputStream in = new DigestInputStream(content, sha256)) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Keeps the small blocks an import writes (every inner node and directory; leaves when they are small) and the
   * last block written, so the root can be looked at without holding the content.
   */
  private static final class RecordingSink implements BlockSink {
    private final Map<Cid, byte[]> blocks = new HashMap<>();
    private Cid lastCid;
    private byte[] lastBlock;

    @Override
    public void put(Cid cid, byte[] block) {
      if (block.length <= KEPT_BLOCK_SIZE) {
        blocks.put(cid, block);
      }
      lastCid = cid;
      lastBlock = block;
    }

    byte[] block(Cid cid) {
      byte[] block = cid.equals(lastCid) ? lastBlock : blocks.get(cid);
      assertThat(block).as("block %s was written to the sink", cid).isNotNull();
      return block;
    }
  }
}
