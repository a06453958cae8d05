package io.citrate.vm.api;

import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a call sees of one account instead of the state's, as geth's state override set says: each field given
 * replaces the account's. {@code state} replaces the whole storage (slots it does not name read zero), while
 * {@code stateDiff} changes only the slots it names. The overrides live in memory for one call.
 *
 * @param balance the balance to see
 * @param nonce the nonce to see
 * @param code the code to see; empty bytes remove the code
 * @param state the whole storage to see; not together with {@code stateDiff}
 * @param stateDiff slots to change, the others as stored
 */
public record AccountOverride(Optional<Wei> balance, OptionalLong nonce, Optional<byte[]> code,
    Optional<Map<Hash, Hash>> state, Map<Hash, Hash> stateDiff) {
  public AccountOverride {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(nonce, "nonce");
    code = code.map(byte[]::clone);
    state = state.map(Map::copyOf);
    stateDiff = Map.copyOf(stateDiff);
    if (state.isPresent() && !stateDiff.isEmpty()) {
      throw new IllegalArgumentException("an override replaces the storage or changes slots, not both");
    }
  }

  /** No override at all; the {@code with} methods add to it. */
  public static final AccountOverride NONE =
      new AccountOverride(Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), Map.of());

  public AccountOverride withBalance(Wei newBalance) {
    return new AccountOverride(Optional.of(newBalance), nonce, code, state, stateDiff);
  }

  public AccountOverride withNonce(long newNonce) {
    return new AccountOverride(balance, OptionalLong.of(newNonce), code, state, stateDiff);
  }

  public AccountOverride withCode(byte[] newCode) {
    return new AccountOverride(balance, nonce, Optional.of(newCode), state, stateDiff);
  }

  public AccountOverride withState(Map<Hash, Hash> newState) {
    return new AccountOverride(balance, nonce, code, Optional.of(newState), stateDiff);
  }

  public AccountOverride withStateDiff(Map<Hash, Hash> newStateDiff) {
    return new AccountOverride(balance, nonce, code, state, newStateDiff);
  }

  @Override
  public Optional<byte[]> code() {
    return code.map(byte[]::clone);
  }
}
