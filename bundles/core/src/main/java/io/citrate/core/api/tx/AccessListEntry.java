package io.citrate.core.api.tx;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import java.util.List;
import java.util.Objects;

/** One EIP-2930 access list entry: an account and the storage slots the transaction declares it will touch. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {

  public AccessListEntry {
    Objects.requireNonNull(address, "address");
    storageKeys = List.copyOf(storageKeys);
  }

  public static AccessListEntry of(Address address, Hash... storageKeys) {
    return new AccessListEntry(address, List.of(storageKeys));
  }
}
