package io.citrate.vm.internal.processor;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.vm.api.AccountOverride;
import io.citrate.vm.internal.state.Account;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies {@link AccountOverride}s to a world state loaded for one call. The state's tries change in memory only:
 * nothing is committed, so no node reaches any store.
 */
final class StateOverrides {
  private StateOverrides() {}

  static void apply(TrieWorldState state, Map<Address, AccountOverride> overrides) {
    // Address order: the overrides are independent, and a fixed order keeps every run the same.
    for (Map.Entry<Address, AccountOverride> entry : new TreeMap<>(overrides).entrySet()) {
      Address address = entry.getKey();
      AccountOverride override = entry.getValue();
      Optional<Account> existing = state.account(address);
      long nonce = override.nonce().orElse(existing.map(Account::nonce).orElse(0L));
      Wei balance = override.balance().orElse(existing.map(Account::balance).orElse(Wei.ZERO));
      byte[] code = override.code().orElse(null);
      Map<Word, Word> storage = new LinkedHashMap<>();
      if (override.state().isPresent()) {
        if (code == null) {
          // Deleting the account clears its storage, and its code with it: the code goes back in.
          code = state.code(existing.map(Account::codeHash).orElse(Hash.EMPTY));
        }
        state.deleteAccount(address);
        override.state().get().forEach((slot, value) -> storage.put(word(slot), word(value)));
      } else {
        override.stateDiff().forEach((slot, value) -> storage.put(word(slot), word(value)));
      }
      state.updateAccount(address, nonce, balance, code, storage);
    }
  }

  private static Word word(Hash hash) {
    return Word.fromBytes(hash.unsafeBytes());
  }
}
