package io.citrate.core.api.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.rlp.Rlp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerklePatriciaTrieTest {

  @Test
  void emptyTrieHasTheEmptyRoot() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    assertThat(trie.rootHash()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
    assertThat(trie.isEmpty()).isTrue();
    assertThat(trie.get(bytes("anything"))).isEmpty();
  }

  @Test
  void singleSmallEntryIsHashedAtTheRootEvenThoughItIsShorterThan32Bytes() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(bytes("A"), bytes("a"));
    byte[] leaf = Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x20, 0x41}), Rlp.encodeBytes(bytes("a")));
    assertThat(trie.rootHash()).isEqualTo(Keccak256.hash(leaf));
  }

  @Test
  void putGetOverwriteAndRemove() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(bytes("do"), bytes("verb"));
    trie.put(bytes("dog"), bytes("puppy"));
    trie.put(bytes("doge"), bytes("coin"));
    trie.put(bytes("horse"), bytes("stallion"));
    assertThat(trie.rootHash()).isEqualTo(Hash.fromHex("0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84"));

    trie.put(bytes("dog"), bytes("hound"));
    assertThat(trie.get(bytes("dog"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("hound")));
    assertThat(trie.get(bytes("do"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("verb")));
    assertThat(trie.get(bytes("d"))).isEmpty();
    assertThat(trie.get(bytes("dogs"))).isEmpty();

    trie.remove(bytes("dog"));
    assertThat(trie.get(bytes("dog"))).isEmpty();
    assertThat(trie.get(bytes("doge"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("coin")));
  }

  @Test
  void emptyValueDeletes() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(bytes("key"), bytes("value"));
    trie.put(bytes("key"), Bytes.EMPTY);
    assertThat(trie.get(bytes("key"))).isEmpty();
    assertThat(trie.rootHash()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
  }

  @Test
  void emptyKeyIsAnOrdinaryKey() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(Bytes.EMPTY, bytes("root value"));
    trie.put(bytes("a"), bytes("child"));
    assertThat(trie.get(Bytes.EMPTY)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("root value")));
    trie.remove(bytes("a"));
    assertThat(trie.get(Bytes.EMPTY)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("root value")));
  }

  @Test
  void callerArraysAreNotShared() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    byte[] value = bytes("value");
    trie.put(bytes("k"), value);
    Hash root = trie.rootHash();
    value[0] = 'X';
    trie.get(bytes("k")).orElseThrow()[1] = 'Y';
    assertThat(trie.get(bytes("k"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("value")));
    assertThat(trie.rootHash()).isEqualTo(root);
  }

  @Test
  void deletingEveryKeyGivesTheEmptyRoot() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    List<byte[]> keys = sequentialKeys(500);
    for (byte[] key : keys) {
      trie.put(key, Keccak256.hash(key).toArray());
    }
    assertThat(trie.rootHash()).isNotEqualTo(Hash.EMPTY_TRIE_ROOT);
    for (byte[] key : keys) {
      trie.remove(key);
    }
    assertThat(trie.rootHash()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
    assertThat(trie.isEmpty()).isTrue();
  }

  @Test
  void removingAnAbsentKeyChangesNothing() {
    MerklePatriciaTrie trie = trieOf(200);
    Hash root = trie.rootHash();
    trie.remove(bytes("absent"));
    trie.remove(Bytes.EMPTY);
    assertThat(trie.rootHash()).isEqualTo(root);
  }

  @Test
  void reloadFromStoreGivesSameRootAndValues() {
    MerklePatriciaTrie trie = trieOf(300);
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    trie.commit(store);

    MerklePatriciaTrie reloaded = MerklePatriciaTrie.load(trie.rootHash(), store);
    assertThat(reloaded.rootHash()).isEqualTo(trie.rootHash());
    for (byte[] key : sequentialKeys(300)) {
      assertThat(reloaded.get(key)).hasValueSatisfying(v -> assertThat(v).isEqualTo(valueOf(key)));
    }
    assertThat(reloaded.get(bytes("absent"))).isEmpty();
  }

  @Test
  void updatesOnALoadedTrieMatchTheSameUpdatesInMemoryAndCommitOnlyNewNodes() {
    MerklePatriciaTrie trie = trieOf(300);
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    trie.commit(store);
    int committed = store.size();

    MerklePatriciaTrie reloaded = MerklePatriciaTrie.load(trie.rootHash(), store);
    for (MerklePatriciaTrie t : List.of(trie, reloaded)) {
      t.put(bytes("new key"), bytes("new value"));
      t.remove(sequentialKeys(300).get(7));
    }
    assertThat(reloaded.rootHash()).isEqualTo(trie.rootHash());

    reloaded.commit(store);
    assertThat(store.size() - committed).as("nodes added by the second commit").isBetween(1, 12);
    MerklePatriciaTrie again = MerklePatriciaTrie.load(trie.rootHash(), store);
    assertThat(again.get(bytes("new key"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("new value")));
    assertThat(again.get(sequentialKeys(300).get(7))).isEmpty();
  }

  @Test
  void smallRootIsCommittedSoItCanBeLoaded() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(bytes("a"), bytes("b"));
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    trie.commit(store);
    assertThat(store.get(trie.rootHash())).isPresent();
    assertThat(MerklePatriciaTrie.load(trie.rootHash(), store).get(bytes("a")))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("b")));
  }

  @Test
  void loadingTheEmptyRootNeedsNoStoreContent() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.load(Hash.EMPTY_TRIE_ROOT, new MemoryTrieNodeStore());
    assertThat(trie.isEmpty()).isTrue();
    assertThat(trie.get(bytes("x"))).isEmpty();
  }

  @Test
  void proofOfPresentKeyVerifies() {
    MerklePatriciaTrie trie = trieOf(1000);
    for (byte[] key : List.of(sequentialKeys(1000).get(0), sequentialKeys(1000).get(517))) {
      List<byte[]> proof = trie.proof(key);
      assertThat(proof).isNotEmpty();
      assertThat(Keccak256.hash(proof.get(0))).isEqualTo(trie.rootHash());
      assertThat(MerklePatriciaTrie.verifyProof(trie.rootHash(), key, proof))
          .hasValueSatisfying(v -> assertThat(v).isEqualTo(valueOf(key)));
    }
  }

  @Test
  void proofOfAbsentKeyProvesAbsence() {
    MerklePatriciaTrie trie = trieOf(1000);
    for (byte[] key : List.of(bytes("absent"), Bytes.EMPTY, Keccak256.hash(bytes("not a key")).toArray())) {
      List<byte[]> proof = trie.proof(key);
      assertThat(MerklePatriciaTrie.verifyProof(trie.rootHash(), key, proof)).isEmpty();
    }
  }

  @Test
  void proofsWorkOnALoadedTrieAndOnTinyTries() {
    MerklePatriciaTrie trie = trieOf(50);
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    trie.commit(store);
    MerklePatriciaTrie loaded = MerklePatriciaTrie.load(trie.rootHash(), store);
    byte[] key = sequentialKeys(50).get(3);
    assertThat(loaded.proof(key)).containsExactlyElementsOf(trie.proof(key));

    MerklePatriciaTrie tiny = MerklePatriciaTrie.empty();
    tiny.put(bytes("a"), bytes("1"));
    tiny.put(bytes("b"), bytes("2"));
    assertThat(tiny.proof(bytes("a"))).hasSize(1);
    assertThat(MerklePatriciaTrie.verifyProof(tiny.rootHash(), bytes("b"), tiny.proof(bytes("b"))))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("2")));
    assertThat(MerklePatriciaTrie.empty().proof(bytes("a"))).isEmpty();
    assertThat(MerklePatriciaTrie.verifyProof(Hash.EMPTY_TRIE_ROOT, bytes("a"), List.of())).isEmpty();
  }

  @Test
  void tamperedProofIsRejected() {
    MerklePatriciaTrie trie = trieOf(1000);
    byte[] key = sequentialKeys(1000).get(42);
    List<byte[]> proof = trie.proof(key);
    List<byte[]> tampered = new ArrayList<>(proof);
    byte[] last = tampered.get(tampered.size() - 1).clone();
    last[last.length - 1] ^= 1;
    tampered.set(tampered.size() - 1, last);

    assertThatThrownBy(() -> MerklePatriciaTrie.verifyProof(trie.rootHash(), key, tampered))
        .isInstanceOf(InvalidTrieProofException.class)
        .hasMessageContaining("invalid proof for key " + Bytes.toHex(key))
        .hasMessageContaining("missing");
  }

  @Test
  void truncatedProofAndWrongRootAreRejected() {
    MerklePatriciaTrie trie = trieOf(1000);
    byte[] key = sequentialKeys(1000).get(42);
    List<byte[]> proof = trie.proof(key);

    assertThatThrownBy(() -> MerklePatriciaTrie.verifyProof(trie.rootHash(), key, proof.subList(0, proof.size() - 1)))
        .isInstanceOf(InvalidTrieProofException.class);
    assertThatThrownBy(() -> MerklePatriciaTrie.verifyProof(Keccak256.hash(bytes("other root")), key, proof))
        .isInstanceOf(InvalidTrieProofException.class)
        .hasMessageContaining("is missing");
  }

  @Test
  void proofWhoseNodesAreMalformedIsRejected() {
    byte[] notANode = Rlp.encodeList(Rlp.encodeBytes(bytes("a")), Rlp.encodeBytes(bytes("b")), Rlp.encodeBytes(bytes("c")));
    Hash root = Keccak256.hash(notANode);
    assertThatThrownBy(() -> MerklePatriciaTrie.verifyProof(root, bytes("a"), List.of(notANode)))
        .isInstanceOf(InvalidTrieProofException.class)
        .hasMessageContaining("2 or 17 items, found 3");
  }

  @Test
  void missingNodeIsATrieExceptionAndChangesNothing() {
    MerklePatriciaTrie trie = trieOf(300);
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    trie.commit(store);
    MemoryTrieNodeStore onlyRoot = new MemoryTrieNodeStore();
    onlyRoot.put(trie.rootHash(), store.get(trie.rootHash()).orElseThrow());

    MerklePatriciaTrie partial = MerklePatriciaTrie.load(trie.rootHash(), onlyRoot);
    byte[] key = sequentialKeys(300).get(5);
    assertThatThrownBy(() -> partial.get(key))
        .isInstanceOf(TrieException.class)
        .hasMessageMatching("trie node 0x[0-9a-f]{64} is missing from the store");
    assertThatThrownBy(() -> partial.put(key, bytes("v"))).isInstanceOf(TrieException.class);
    assertThatThrownBy(() -> partial.remove(key)).isInstanceOf(TrieException.class);
    assertThat(partial.rootHash()).isEqualTo(trie.rootHash());

    MerklePatriciaTrie absentRoot = MerklePatriciaTrie.load(Keccak256.hash(bytes("nothing")), new MemoryTrieNodeStore());
    assertThatThrownBy(() -> absentRoot.get(key)).isInstanceOf(TrieException.class).hasMessageContaining("is missing");
  }

  @Test
  void corruptedStoreNodeIsATrieExceptionAndChangesNothing() {
    MerklePatriciaTrie trie = trieOf(300);
    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    trie.commit(store);
    byte[] rootNode = store.get(trie.rootHash()).orElseThrow().clone();
    rootNode[rootNode.length / 2] ^= 0x55;
    store.put(trie.rootHash(), rootNode);

    MerklePatriciaTrie corrupt = MerklePatriciaTrie.load(trie.rootHash(), store);
    assertThatThrownBy(() -> corrupt.get(bytes("x")))
        .isInstanceOf(TrieException.class)
        .hasMessageStartingWith("trie node " + trie.rootHash() + " is corrupt: its content hashes to");
    assertThatThrownBy(() -> corrupt.put(bytes("x"), bytes("y"))).isInstanceOf(TrieException.class);
    assertThat(corrupt.rootHash()).isEqualTo(trie.rootHash());
  }

  @Test
  void structurallyInvalidNodesAreCorrupt() {
    Map<String, byte[]> invalid = new HashMap<>();
    invalid.put("expected a list", Rlp.encodeBytes(bytes("just a string, long enough to be hashed")));
    invalid.put("2 or 17 items, found 1", Rlp.encodeList(Rlp.encodeBytes(bytes("a"))));
    invalid.put("hex-prefix flag 4", Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x40}), Rlp.encodeBytes(bytes("v"))));
    invalid.put("non-zero padding", Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x21}), Rlp.encodeBytes(bytes("v"))));
    invalid.put("leaf node's value must be a non-empty string",
        Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x20}), Rlp.EMPTY_STRING));
    invalid.put("extension node has an empty path",
        Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x00}), Rlp.encodeBytes(new byte[32])));
    invalid.put("must be a 32-byte hash, got 5 bytes",
        Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x11}), Rlp.encodeBytes(bytes("short"))));
    invalid.put("unexpected trailing", Bytes.concat(Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x20}),
        Rlp.encodeBytes(bytes("v"))), new byte[] {0}));
    byte[][] branch = new byte[17][];
    Arrays.fill(branch, Rlp.EMPTY_STRING);
    branch[16] = Rlp.encodeList();
    invalid.put("branch node's value must be a string", Rlp.encodeList(branch));
    branch[16] = Rlp.EMPTY_STRING;
    branch[3] = Rlp.encodeList(Rlp.encodeBytes(new byte[] {0x20}), Rlp.encodeBytes(new byte[40]));
    invalid.put("embedded node of 43 bytes must be referenced by hash", Rlp.encodeList(branch));

    for (Map.Entry<String, byte[]> entry : invalid.entrySet()) {
      MemoryTrieNodeStore store = new MemoryTrieNodeStore();
      Hash hash = Keccak256.hash(entry.getValue());
      store.put(hash, entry.getValue());
      MerklePatriciaTrie trie = MerklePatriciaTrie.load(hash, store);
      assertThatThrownBy(() -> trie.get(bytes("abc")))
          .as(entry.getKey())
          .isInstanceOf(TrieException.class)
          .hasMessageStartingWith("trie node " + hash + " is corrupt: ")
          .hasMessageContaining(entry.getKey());
    }
  }

  @Test
  void nullArgumentsAreRejected() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    assertThatThrownBy(() -> trie.put(null, bytes("v"))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> trie.put(bytes("k"), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MerklePatriciaTrie.load(null, new MemoryTrieNodeStore())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MerklePatriciaTrie.load(Hash.ZERO, null)).isInstanceOf(NullPointerException.class);
    assertThat(trie.isEmpty()).isTrue();
  }

  @Test
  void nextAndPreviousKeysAndOrderedIteration() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    for (String key : List.of("", "a", "ab", "abc", "b", "ba")) {
      trie.put(bytes(key), bytes("v" + key));
    }
    assertThat(trie.nextKey(Bytes.EMPTY).map(MerklePatriciaTrieTest::text)).hasValue("a");
    assertThat(trie.nextKey(bytes("ab")).map(MerklePatriciaTrieTest::text)).hasValue("abc");
    assertThat(trie.nextKey(bytes("abd")).map(MerklePatriciaTrieTest::text)).hasValue("b");
    assertThat(trie.nextKey(bytes("ba"))).isEmpty();
    assertThat(trie.previousKey(bytes("a")).map(MerklePatriciaTrieTest::text)).hasValue("");
    assertThat(trie.previousKey(bytes("b")).map(MerklePatriciaTrieTest::text)).hasValue("abc");
    assertThat(trie.previousKey(bytes("aa")).map(MerklePatriciaTrieTest::text)).hasValue("a");
    assertThat(trie.previousKey(Bytes.EMPTY)).isEmpty();

    List<String> keys = new ArrayList<>();
    trie.forEach((key, value) -> {
      keys.add(text(key));
      assertThat(text(value)).isEqualTo("v" + text(key));
    });
    assertThat(keys).containsExactly("", "a", "ab", "abc", "b", "ba");
  }

  @Test
  void orderedKeysUseUnsignedByteOrder() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(new byte[] {0x7f}, bytes("low"));
    trie.put(new byte[] {(byte) 0x80}, bytes("high"));
    assertThat(trie.nextKey(new byte[] {0x7f})).hasValueSatisfying(k -> assertThat(k).isEqualTo(new byte[] {(byte) 0x80}));
    assertThat(trie.previousKey(new byte[] {(byte) 0xff})).hasValueSatisfying(k -> assertThat(k).isEqualTo(new byte[] {(byte) 0x80}));
  }

  static MerklePatriciaTrie trieOf(int count) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    for (byte[] key : sequentialKeys(count)) {
      trie.put(key, valueOf(key));
    }
    return trie;
  }

  static List<byte[]> sequentialKeys(int count) {
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(Keccak256.hash(Bytes.minimalBigEndian(i)).toArray());
    }
    return keys;
  }

  static byte[] valueOf(byte[] key) {
    return Bytes.concat(key, key, new byte[] {1, 2, 3});
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
