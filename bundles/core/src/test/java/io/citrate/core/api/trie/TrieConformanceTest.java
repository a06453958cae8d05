package io.citrate.core.api.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Fixtures;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ethereum's TrieTests ({@code testdata/trie}): every root case is rebuilt through a fresh store, and the
 * next/previous key cases run against it.
 */
class TrieConformanceTest {
  /** Fixture case ids ("file/case") not run, each with its reason. Empty: every case runs. */
  private static final Map<String, String> SKIPPED = Map.of();

  private static final List<String> ROOT_FILES = List.of(
      "trietest.json",
      "trietest_secureTrie.json",
      "trieanyorder.json",
      "trieanyorder_secureTrie.json",
      "hex_encoded_securetrie_test.json");
  private static final String NEXT_PREVIOUS_FILE = "trietestnextprev.json";

  private static final AtomicInteger PASSED = new AtomicInteger();
  private static final AtomicInteger RUN = new AtomicInteger();

  static Stream<Arguments> rootCases() {
    List<Arguments> cases = new ArrayList<>();
    for (String file : ROOT_FILES) {
      cases.addAll(casesOf(file));
    }
    return cases.stream();
  }

  static Stream<Arguments> nextPreviousCases() {
    return casesOf(NEXT_PREVIOUS_FILE).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rootCases")
  void rootMatches(String id, JsonNode fixture) {
    assumeFalse(SKIPPED.containsKey(id), () -> SKIPPED.get(id));
    RUN.incrementAndGet();
    boolean secure = id.toLowerCase().contains("securetrie");
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    JsonNode in = fixture.get("in");
    if (in.isArray()) {
      for (JsonNode pair : in) {
        byte[] key = secureKey(decode(pair.get(0)), secure);
        JsonNode value = pair.get(1);
        if (value.isNull()) {
          trie.remove(key);
        } else {
          trie.put(key, decode(value));
        }
      }
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> pair = it.next();
        trie.put(secureKey(decode(pair.getKey()), secure), decode(pair.getValue()));
      }
    }
    Hash expected = Hash.fromHex(fixture.get("root").asText());
    assertThat(trie.rootHash()).isEqualTo(expected);

    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    trie.commit(store);
    MerklePatriciaTrie reloaded = MerklePatriciaTrie.load(expected, store);
    List<String> original = entries(trie);
    assertThat(entries(reloaded)).containsExactlyElementsOf(original);
    assertThat(reloaded.rootHash()).isEqualTo(expected);
    PASSED.incrementAndGet();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nextPreviousCases")
  void nextAndPreviousKeys(String id, JsonNode fixture) {
    assumeFalse(SKIPPED.containsKey(id), () -> SKIPPED.get(id));
    RUN.incrementAndGet();
    MerklePatriciaTrie built = MerklePatriciaTrie.empty();
    for (JsonNode key : fixture.get("in")) {
      built.put(decode(key), decode(key));
    }
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    built.commit(store);
    MerklePatriciaTrie trie = MerklePatriciaTrie.load(built.rootHash(), store);
    for (JsonNode test : fixture.get("tests")) {
      byte[] key = decode(test.get(0));
      assertThat(trie.previousKey(key).map(Bytes::toHex).orElse(""))
          .as("previous of %s", test.get(0).asText())
          .isEqualTo(orNone(decode(test.get(1))));
      assertThat(trie.nextKey(key).map(Bytes::toHex).orElse(""))
          .as("next of %s", test.get(0).asText())
          .isEqualTo(orNone(decode(test.get(2))));
    }
    PASSED.incrementAndGet();
  }

  @AfterAll
  static void report() {
    System.out.printf("TrieConformanceTest: %d passed of %d run, %d skipped%n", PASSED.get(), RUN.get(), SKIPPED.size());
  }

  private static List<Arguments> casesOf(String file) {
    Path path = Fixtures.resolve("trie").resolve(file);
    JsonNode root = Fixtures.readJson(path);
    List<Arguments> cases = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String id = file.replace(".json", "") + "/" + entry.getKey();
      cases.add(Arguments.of(Named.of(id, id), entry.getValue()));
    }
    assertThat(cases).as("cases in %s", path).isNotEmpty();
    return cases;
  }

  /** A fixture string: hex if it starts with 0x, otherwise its ASCII bytes. */
  private static byte[] decode(JsonNode value) {
    return decode(value.asText());
  }

  private static byte[] decode(String value) {
    return value.startsWith("0x") ? Bytes.fromHex(value) : value.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] secureKey(byte[] key, boolean secure) {
    return secure ? Keccak256.hash(key).toArray() : key;
  }

  private static String orNone(byte[] key) {
    return key.length == 0 ? "" : Bytes.toHex(key);
  }

  private static List<String> entries(MerklePatriciaTrie trie) {
    List<String> entries = new ArrayList<>();
    trie.forEach((key, value) -> entries.add(Bytes.toHex(key) + "=" + Bytes.toHex(value)));
    return entries;
  }
}
