package io.citrate.vm.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import java.util.Map;
import java.util.Objects;

/**
 * One account of the genesis allocation.
 *
 * @param address where it lives
 * @param balance its wei
 * @param nonce its nonce; 1 for a contract, as EIP-161 creates them
 * @param code its code, empty for an externally owned account
 * @param storage its storage slots, keys and values as 32-byte words
 */
public record GenesisAccount(Address address, Wei balance, long nonce, byte[] code, Map<Hash, Hash> storage) {
  public GenesisAccount {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(balance, "balance");
    code = code.clone();
    storage = Map.copyOf(storage);
  }

  @Override
  public byte[] code() {
    return code.clone();
  }
}
