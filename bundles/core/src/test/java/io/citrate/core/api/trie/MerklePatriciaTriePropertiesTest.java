package io.citrate.core.api.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.rlp.Rlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random key/value maps, with keys from a small alphabet so that they share prefixes, checked against a
 * HashMap and against the Yellow Paper's definition of the root (appendix D, the function c), written
 * independently below.
 */
class MerklePatriciaTriePropertiesTest {

  @Property(tries = 200)
  void rootIsIndependentOfInsertionOrderAndMatchesTheDefinition(
      @ForAll("entries") Map<Key, byte[]> entries, @ForAll long shuffleSeed) {
    List<Key> order = new ArrayList<>(entries.keySet());
    Collections.shuffle(order, new Random(shuffleSeed));
    MerklePatriciaTrie forward = MerklePatriciaTrie.empty();
    MerklePatriciaTrie shuffled = MerklePatriciaTrie.empty();
    entries.forEach((key, value) -> forward.put(key.bytes(), value));
    for (Key key : order) {
      shuffled.put(key.bytes(), entries.get(key));
    }
    assertThat(shuffled.rootHash()).isEqualTo(forward.rootHash()).isEqualTo(specRoot(entries));
  }

  @Property(tries = 200)
  void answersLikeAHashMapThroughPutsRemovesAndReload(
      @ForAll("entries") Map<Key, byte[]> entries, @ForAll("entries") Map<Key, byte[]> removals) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    Map<Key, byte[]> expected = new HashMap<>();
    entries.forEach((key, value) -> {
      trie.put(key.bytes(), value);
      expected.put(key, value);
    });
    removals.keySet().forEach(key -> {
      trie.remove(key.bytes());
      expected.remove(key);
    });
    assertThat(trie.rootHash()).isEqualTo(specRoot(expected));

    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    trie.commit(store);
    MerklePatriciaTrie loaded = MerklePatriciaTrie.load(trie.rootHash(), store);
    for (Key key : union(entries, removals)) {
      byte[] want = expected.get(key);
      if (want == null) {
        assertThat(loaded.get(key.bytes())).isEmpty();
        assertThat(MerklePatriciaTrie.verifyProof(trie.rootHash(), key.bytes(), loaded.proof(key.bytes()))).isEmpty();
      } else {
        assertThat(loaded.get(key.bytes())).hasValueSatisfying(v -> assertThat(v).isEqualTo(want));
        assertThat(MerklePatriciaTrie.verifyProof(trie.rootHash(), key.bytes(), loaded.proof(key.bytes())))
            .hasValueSatisfying(v -> assertThat(v).isEqualTo(want));
      }
    }
    List<Key> iterated = new ArrayList<>();
    loaded.forEach((key, value) -> iterated.add(new Key(key)));
    assertThat(iterated).containsExactlyElementsOf(new TreeMap<>(expected).keySet());
  }

  @Provide
  Arbitrary<Map<Key, byte[]>> entries() {
    Arbitrary<Key> keys = Arbitraries.bytes().between((byte) 0, (byte) 3)
        .array(byte[].class).ofMaxSize(4)
        .map(Key::new);
    Arbitrary<byte[]> values = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40);
    return Arbitraries.maps(keys, values).ofMaxSize(40);
  }

  private static List<Key> union(Map<Key, byte[]> a, Map<Key, byte[]> b) {
    List<Key> keys = new ArrayList<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  /** The root by definition: Keccak-256 of c(J, 0) over the entries sorted by key. */
  private static Hash specRoot(Map<Key, byte[]> entries) {
    List<Map.Entry<byte[], byte[]>> sorted = new ArrayList<>();
    new TreeMap<>(entries).forEach((key, value) -> sorted.add(Map.entry(Nibbles.fromBytes(key.bytes()), value)));
    return Keccak256.hash(sorted.isEmpty() ? Rlp.EMPTY_STRING : structure(sorted, 0));
  }

  private static byte[] structure(List<Map.Entry<byte[], byte[]>> entries, int depth) {
    if (entries.size() == 1) {
      byte[] path = entries.get(0).getKey();
      return Rlp.encodeList(
          Rlp.encodeBytes(hexPrefix(slice(path, depth, path.length), true)), Rlp.encodeBytes(entries.get(0).getValue()));
    }
    int shared = sharedLength(entries, depth);
    if (shared > 0) {
      byte[] path = slice(entries.get(0).getKey(), depth, depth + shared);
      return Rlp.encodeList(Rlp.encodeBytes(hexPrefix(path, false)), reference(entries, depth + shared));
    }
    byte[][] items = new byte[17][];
    byte[] value = Bytes.EMPTY;
    for (int nibble = 0; nibble < 16; nibble++) {
      List<Map.Entry<byte[], byte[]>> child = new ArrayList<>();
      for (Map.Entry<byte[], byte[]> entry : entries) {
        if (entry.getKey().length > depth && entry.getKey()[depth] == nibble) {
          child.add(entry);
        }
      }
      items[nibble] = reference(child, depth + 1);
    }
    for (Map.Entry<byte[], byte[]> entry : entries) {
      if (entry.getKey().length == depth) {
        value = entry.getValue();
      }
    }
    items[16] = Rlp.encodeBytes(value);
    return Rlp.encodeList(items);
  }

  private static byte[] reference(List<Map.Entry<byte[], byte[]>> entries, int depth) {
    if (entries.isEmpty()) {
      return Rlp.EMPTY_STRING;
    }
    byte[] node = structure(entries, depth);
    return node.length < 32 ? node : Rlp.encodeBytes(Keccak256.hash(node).toArray());
  }

  /** Nibbles shared by every key after {@code depth}; a key ending at {@code depth} shares none. */
  private static int sharedLength(List<Map.Entry<byte[], byte[]>> entries, int depth) {
    byte[] first = entries.get(0).getKey();
    int shared = first.length - depth;
    for (Map.Entry<byte[], byte[]> entry : entries) {
      byte[] key = entry.getKey();
      int i = 0;
      while (i < shared && depth + i < key.length && key[depth + i] == first[depth + i]) {
        i++;
      }
      shared = i;
    }
    return shared;
  }

  private static byte[] hexPrefix(byte[] nibbles, boolean leaf) {
    int flag = (leaf ? 2 : 0) + (nibbles.length % 2);
    byte[] padded = nibbles.length % 2 == 1 ? Bytes.concat(new byte[] {(byte) flag}, nibbles)
        : Bytes.concat(new byte[] {(byte) flag, 0}, nibbles);
    byte[] out = new byte[padded.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (padded[2 * i] << 4 | padded[2 * i + 1]);
    }
    return out;
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    byte[] out = new byte[to - from];
    System.arraycopy(bytes, from, out, 0, out.length);
    return out;
  }

  /** A key with value equality and unsigned byte order. */
  record Key(byte[] bytes) implements Comparable<Key> {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Key other) {
      return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
      return Bytes.toHex(bytes);
    }
  }
}
