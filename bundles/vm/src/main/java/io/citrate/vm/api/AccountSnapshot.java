package io.citrate.vm.api;

import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import java.util.Objects;

/**
 * An account as a state root holds it.
 *
 * @param nonce transactions sent, or contracts created for a contract
 * @param balance its wei
 * @param codeHash Keccak-256 of its code; that of empty code for an account without code
 * @param storageRoot root of its storage trie
 */
public record AccountSnapshot(long nonce, Wei balance, Hash codeHash, Hash storageRoot) {
  public AccountSnapshot {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(storageRoot, "storageRoot");
  }
}
