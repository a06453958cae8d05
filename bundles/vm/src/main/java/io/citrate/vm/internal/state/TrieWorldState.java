package io.citrate.vm.internal.state;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpReader;
import io.citrate.core.api.trie.SecureTrie;
import io.citrate.core.api.trie.TrieNodeStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The world state as Ethereum lays it out: a secure trie of accounts keyed by Keccak-256 of the address, one
 * secure trie of storage per account keyed by Keccak-256 of the slot, values RLP of the slot's value without
 * leading zeros. Code is kept in the node store under its hash, content-addressed like the trie nodes. Changes
 * stay in memory until {@link #commit} writes every new node to the store.
 */
public final class TrieWorldState implements WorldState {
  private final TrieNodeStore store;
  private final SecureTrie accounts;
  /** Storage tries opened or changed since the last commit, in the order they were first touched. */
  private final Map<Address, SecureTrie> storageTries = new LinkedHashMap<>();
  private final Map<Hash, byte[]> newCode = new LinkedHashMap<>();

  private TrieWorldState(TrieNodeStore store, SecureTrie accounts) {
    this.store = store;
    this.accounts = accounts;
  }

  public static TrieWorldState empty(TrieNodeStore store) {
    return new TrieWorldState(store, SecureTrie.empty());
  }

  /** The state whose root is {@code root}, read from {@code store} as needed. */
  public static TrieWorldState load(Hash root, TrieNodeStore store) {
    return new TrieWorldState(store, SecureTrie.load(root, store));
  }

  @Override
  public Optional<Account> account(Address address) {
    return accounts.get(address.unsafeBytes()).map(Account::decode);
  }

  @Override
  public Word storage(Address address, Word key) {
    SecureTrie trie = storageTrie(address);
    if (trie == null) {
      return Word.ZERO;
    }
    return trie.get(key.toBytes32()).map(value -> Word.fromBytes(RlpReader.of(value).readBytes())).orElse(Word.ZERO);
  }

  @Override
  public byte[] code(Hash codeHash) {
    if (codeHash.equals(Hash.EMPTY)) {
      return Bytes.EMPTY;
    }
    byte[] pending = newCode.get(codeHash);
    if (pending != null) {
      return pending;
    }
    return store.get(codeHash).orElseThrow(() -> new IllegalStateException("missing code " + codeHash));
  }

  @Override
  public void updateAccount(Address address, long nonce, Wei balance, byte[] code, Map<Word, Word> storageChanges) {
    Optional<Account> previous = account(address);
    Hash codeHash = previous.map(Account::codeHash).orElse(Hash.EMPTY);
    if (code != null) {
      codeHash = Keccak256.hash(code);
      if (code.length > 0) {
        newCode.put(codeHash, code);
      }
    }
    Hash storageRoot = previous.map(Account::storageRoot).orElse(Hash.EMPTY_TRIE_ROOT);
    if (!storageChanges.isEmpty()) {
      SecureTrie trie = storageTries.computeIfAbsent(address, a -> openStorage(a, previous));
      for (Map.Entry<Word, Word> change : storageChanges.entrySet()) {
        if (change.getValue().isZero()) {
          trie.remove(change.getKey().toBytes32());
        } else {
          trie.put(change.getKey().toBytes32(), Rlp.encodeBytes(change.getValue().toMinimalBytes()));
        }
      }
      storageRoot = trie.rootHash();
    }
    accounts.put(address.unsafeBytes(), new Account(nonce, balance, storageRoot, codeHash).encode());
  }

  @Override
  public void deleteAccount(Address address) {
    accounts.remove(address.unsafeBytes());
    storageTries.put(address, SecureTrie.empty());
  }

  @Override
  public Hash rootHash() {
    return accounts.rootHash();
  }

  /** Writes the nodes of every changed trie and the new code to the store. */
  public void commit() {
    for (SecureTrie trie : storageTries.values()) {
      trie.commit(store);
    }
    accounts.commit(store);
    store.putAll(newCode);
    storageTries.clear();
    newCode.clear();
  }

  private SecureTrie storageTrie(Address address) {
    SecureTrie open = storageTries.get(address);
    if (open != null) {
      return open;
    }
    Optional<Account> account = account(address);
    if (account.isEmpty() || account.get().storageRoot().equals(Hash.EMPTY_TRIE_ROOT)) {
      return null;
    }
    SecureTrie trie = SecureTrie.load(account.get().storageRoot(), store);
    storageTries.put(address, trie);
    return trie;
  }

  private SecureTrie openStorage(Address address, Optional<Account> account) {
    return account.isEmpty() || account.get().storageRoot().equals(Hash.EMPTY_TRIE_ROOT)
        ? SecureTrie.empty()
        : SecureTrie.load(account.get().storageRoot(), store);
  }
}
