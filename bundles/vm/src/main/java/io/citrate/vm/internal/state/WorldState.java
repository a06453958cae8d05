package io.citrate.vm.internal.state;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import java.util.Map;
import java.util.Optional;

/**
 * The committed state between transactions: accounts, their storage and code. A transaction reads it through a
 * {@link JournaledState} and writes its outcome back with {@link #updateAccount} and {@link #deleteAccount}.
 */
public interface WorldState {
  Optional<Account> account(Address address);

  /** The value of {@code key} in the account's storage; zero when unset. */
  Word storage(Address address, Word key);

  /** The code whose hash is {@code codeHash}; empty for {@link Hash#EMPTY}. */
  byte[] code(Hash codeHash);

  /**
   * Writes an account's new fields and storage changes (zero values delete slots). {@code code} is null when it
   * did not change.
   */
  void updateAccount(Address address, long nonce, Wei balance, byte[] code,
      Map<Word, Word> storageChanges);

  /** Removes the account and its storage; nothing for an absent account. */
  void deleteAccount(Address address);

  /** The root of the state trie over everything written so far. */
  Hash rootHash();
}
