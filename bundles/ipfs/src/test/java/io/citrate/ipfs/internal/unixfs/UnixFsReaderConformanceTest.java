package io.citrate.ipfs.internal.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.api.UnixFsEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads DAGs whose root blocks Kubo's importer wrote (the vectors' {@code root_block_hex_*}) and HAMT directories
 * whose root ids Kubo published, from {@code ${citrate.testdata}/ipfs/vectors.json} (any vectors file of that
 * format). The children are rebuilt from the inputs as Kubo lays them out; each root must hash to the vector's id
 * before it is read, so the reader is checked against Kubo's own bytes and its HAMT hashing against Kubo's ids.
 */
class UnixFsReaderConformanceTest {
  private static final int CHUNK = 262144;
  private static final String NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz01234567890-_";

  private static Path testdata() {
    String testdata = System.getProperty("citrate.testdata");
    Assumptions.assumeTrue(testdata != null, "system property citrate.testdata is not set");
    return Path.of(testdata, "ipfs");
  }

  private static List<JsonNode> vectors() throws IOException {
    JsonNode root = new ObjectMapper().readTree(testdata().resolve("vectors.json").toFile());
    List<JsonNode> vectors = new ArrayList<>();
    root.get("vectors").forEach(vectors::add);
    return vectors;
  }

  private static String column(int version) {
    return version == 0 ? "v0" : "v1_raw";
  }

  private static String cidField(int version) {
    return version == 0 ? "cid_v0" : "cid_v1_raw";
  }

  @TestFactory
  Stream<DynamicTest> filesWithKubosRootBlocks() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : vectors()) {
      if (!vector.path("kind").asText().equals("file") || !vector.has("input_file")) {
        continue;
      }
      for (int version : new int[] {0, 1}) {
        if (vector.has("root_block_hex_" + column(version))) {
          tests.add(DynamicTest.dynamicTest(vector.get("name").asText() + " " + column(version),
              () -> readFile(vector, version)));
        }
      }
    }
    return tests.stream();
  }

  private static void readFile(JsonNode vector, int version) throws IOException {
    byte[] content = Files.readAllBytes(testdata().resolve(vector.get("input_file").asText()));
    TestDag dag = new TestDag(version);
    boolean rawLeaves = version == 1;
    for (int offset = 0; offset < content.length; offset += CHUNK) {
      dag.leaf(Arrays.copyOfRange(content, offset, Math.min(content.length, offset + CHUNK)), rawLeaves);
    }
    byte[] rootBlock = HexFormat.of().parseHex(vector.get("root_block_hex_" + column(version)).asText());
    boolean rawRoot = vector.path("root_type_" + column(version)).asText().equals("raw");
    Cid root = rawRoot ? Cid.of(1, Cid.RAW, rootBlock) : Cid.of(version, Cid.DAG_PB, rootBlock);
    assertThat(root.toString()).isEqualTo(vector.get(cidField(version)).asText());
    dag.put(root, rootBlock);

    UnixFsReader reader = new UnixFsReader(dag);
    assertThat(read(reader, root, 0, Long.MAX_VALUE)).isEqualTo(content);
    assertThat(reader.stat(root).size()).isEqualTo(content.length);
    if (content.length > CHUNK) {
      long offset = CHUNK - 3;
      assertThat(read(reader, root, offset, 6)).isEqualTo(Arrays.copyOfRange(content, (int) offset,
          (int) Math.min(content.length, offset + 6)));
    }
  }

  @TestFactory
  Stream<DynamicTest> directoriesWithKubosRootBlocks() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : vectors()) {
      if (!vector.path("kind").asText().equals("directory") || !vector.has("entries")) {
        continue;
      }
      for (int version : new int[] {0, 1}) {
        if (vector.has("root_block_hex_" + column(version))) {
          tests.add(DynamicTest.dynamicTest(vector.get("name").asText() + " " + column(version),
              () -> readDirectory(vector, version)));
        }
      }
    }
    return tests.stream();
  }

  /** A directory tree of the vector's entries: a map per directory, text per file. */
  private static Map<String, Object> tree(JsonNode entries) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (JsonNode entry : entries) {
      String[] segments = entry.get("path").asText().split("/");
      Map<String, Object> directory = root;
      for (int index = 0; index < segments.length - 1; index++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) directory.computeIfAbsent(segments[index],
            name -> new LinkedHashMap<String, Object>());
        directory = child;
      }
      String name = segments[segments.length - 1];
      if (entry.get("type").asText().equals("dir")) {
        directory.putIfAbsent(name, new LinkedHashMap<String, Object>());
      } else {
        directory.put(name, entry.get("text").asText());
      }
    }
    return root;
  }

  private static Map<String, Cid> build(TestDag dag, Map<String, Object> directory, boolean rawLeaves) {
    Map<String, Cid> links = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : directory.entrySet()) {
      if (entry.getValue() instanceof String text) {
        links.put(entry.getKey(), dag.leaf(text.getBytes(StandardCharsets.UTF_8), rawLeaves));
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) entry.getValue();
        links.put(entry.getKey(), dag.directory(build(dag, child, rawLeaves)));
      }
    }
    return links;
  }

  private static void readDirectory(JsonNode vector, int version) throws IOException {
    TestDag dag = new TestDag(version);
    Map<String, Object> tree = tree(vector.get("entries"));
    build(dag, tree, version == 1);
    byte[] rootBlock = HexFormat.of().parseHex(vector.get("root_block_hex_" + column(version)).asText());
    Cid root = Cid.of(version, Cid.DAG_PB, rootBlock);
    assertThat(root.toString()).isEqualTo(vector.get(cidField(version)).asText());
    dag.put(root, rootBlock);

    UnixFsReader reader = new UnixFsReader(dag);
    assertThat(reader.list(root)).extracting(UnixFsEntry::name)
        .containsExactlyElementsOf(sortedByBytes(tree.keySet()));
    checkTree(reader, root, List.of(), tree);
  }

  private static void checkTree(UnixFsReader reader, Cid root, List<String> at, Map<String, Object> directory)
      throws IOException {
    for (Map.Entry<String, Object> entry : directory.entrySet()) {
      List<String> path = new ArrayList<>(at);
      path.add(entry.getKey());
      Cid cid = reader.resolve(new IpfsPath(root, path));
      if (entry.getValue() instanceof String text) {
        assertThat(new String(read(reader, cid, 0, Long.MAX_VALUE), StandardCharsets.UTF_8)).isEqualTo(text);
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) entry.getValue();
        assertThat(reader.stat(cid).isDirectory()).isTrue();
        checkTree(reader, root, path, child);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> hamtDirectoriesWithKubosIds() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : vectors()) {
      if (!vector.has("names_generator") || vector.path("slow").asBoolean(false)) {
        continue;
      }
      for (int version : new int[] {0, 1}) {
        if (vector.path("root_type_" + column(version)).asText().equals("hamt-sharded-directory")) {
          tests.add(DynamicTest.dynamicTest(vector.get("name").asText() + " " + column(version),
              () -> readHamt(vector, version)));
        }
      }
    }
    return tests.stream();
  }

  private static void readHamt(JsonNode vector, int version) throws IOException {
    JsonNode generator = vector.get("names_generator");
    List<String> names = names(generator);
    TestDag dag = new TestDag(version);
    Cid file = dag.leaf(generator.get("content").asText().getBytes(StandardCharsets.UTF_8), version == 1);
    Map<String, Cid> entries = new LinkedHashMap<>();
    for (String name : names) {
      entries.put(name, file);
    }
    Cid root = dag.hamt(entries, 256);
    assertThat(root.toString()).isEqualTo(vector.get(cidField(version)).asText());

    UnixFsReader reader = new UnixFsReader(dag);
    List<UnixFsEntry> listed = reader.list(root);
    assertThat(listed).extracting(UnixFsEntry::name).containsExactlyElementsOf(sortedByBytes(names));
    for (int index = 0; index < names.size(); index += 97) {
      List<Cid> blocks = reader.resolveBlocks(new IpfsPath(root, List.of(names.get(index))));
      assertThat(blocks.get(blocks.size() - 1)).isEqualTo(file);
    }
  }

  /** Kubo's deterministic HAMT test names: a ChaCha20 stream mapped onto a 39-character alphabet. */
  private static List<String> names(JsonNode generator) throws IOException {
    int count = generator.get("num_files").asInt();
    List<String> names = new ArrayList<>(count);
    try (InputStream stream = ContentGenerators.chacha20(generator.get("seed").asText(), 1 << 20)) {
      for (int index = 0; index < count; index++) {
        byte[] raw = stream.readNBytes(generator.get(index == count - 1 ? "last_name_len" : "name_len").asInt());
        StringBuilder name = new StringBuilder(raw.length);
        for (byte value : raw) {
          name.append(NAME_ALPHABET.charAt((value & 0xFF) % NAME_ALPHABET.length()));
        }
        names.add(name.toString());
      }
    }
    return names;
  }

  private static List<String> sortedByBytes(Collection<String> names) {
    return names.stream().sorted((left, right) -> Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8),
        right.getBytes(StandardCharsets.UTF_8))).toList();
  }

  private static byte[] read(UnixFsReader reader, Cid file, long offset, long length) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reader.read(file, offset, length, out);
    return out.toByteArray();
  }
}
