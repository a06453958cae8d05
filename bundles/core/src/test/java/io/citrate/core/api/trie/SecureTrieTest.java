package io.citrate.core.api.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecureTrieTest {

  @Test
  void keysAreHashedAndValuesStoredUnchanged() {
    SecureTrie secure = SecureTrie.empty();
    MerklePatriciaTrie plain = MerklePatriciaTrie.empty();
    for (String key : List.of("do", "dog", "doge", "horse")) {
      secure.put(bytes(key), bytes(key + " value"));
      plain.put(Keccak256.hash(bytes(key)).toArray(), bytes(key + " value"));
    }
    assertThat(secure.rootHash()).isEqualTo(plain.rootHash());
    assertThat(secure.get(bytes("dog"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("dog value")));
    assertThat(secure.get(bytes("cat"))).isEmpty();
  }

  @Test
  void removeEmptyValueCommitLoadAndProofs() {
    SecureTrie trie = SecureTrie.empty();
    trie.put(bytes("a"), bytes("1"));
    trie.put(bytes("b"), bytes("2"));
    trie.put(bytes("c"), bytes("3"));
    trie.put(bytes("c"), Bytes.EMPTY);
    trie.remove(bytes("b"));
    assertThat(trie.get(bytes("b"))).isEmpty();
    assertThat(trie.get(bytes("c"))).isEmpty();

    MemoryTrieNodeStore store = new MemoryTrieNodeStore();
    trie.commit(store);
    SecureTrie loaded = SecureTrie.load(trie.rootHash(), store);
    assertThat(loaded.get(bytes("a"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("1")));
    assertThat(SecureTrie.verifyProof(trie.rootHash(), bytes("a"), loaded.proof(bytes("a"))))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("1")));
    assertThat(SecureTrie.verifyProof(trie.rootHash(), bytes("b"), loaded.proof(bytes("b")))).isEmpty();

    loaded.remove(bytes("a"));
    assertThat(loaded.rootHash()).isEqualTo(Hash.EMPTY_TRIE_ROOT);
    assertThat(loaded.isEmpty()).isTrue();
  }

  @Test
  void proofForAnotherKeyDoesNotProveThisOne() {
    SecureTrie trie = SecureTrie.empty();
    for (int i = 0; i < 200; i++) {
      trie.put(Bytes.minimalBigEndian(i), Keccak256.hash(Bytes.minimalBigEndian(i)).toArray());
    }
    List<byte[]> proofOfOne = trie.proof(Bytes.minimalBigEndian(1));
    assertThatThrownBy(() -> SecureTrie.verifyProof(trie.rootHash(), Bytes.minimalBigEndian(2), proofOfOne))
        .isInstanceOf(InvalidTrieProofException.class);
    assertThatThrownBy(() -> trie.put(null, bytes("v"))).isInstanceOf(NullPointerException.class).hasMessage("key");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
