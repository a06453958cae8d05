package io.citrate.vm.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.AccessListEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to run as if {@code from} sent it, without a signature or nonce check and without writing anything,
 * as {@code eth_call} and gas estimation run one. Prices follow geth: with none of {@code gasPrice},
 * {@code maxFeePerGas} and {@code maxPriorityFeePerGas} (or all zero) gas costs nothing, the base-fee check is
 * skipped and BASEFEE reads zero, so an account without funds can call; a value still needs the balance.
 *
 * @param from the sender; it need not exist
 * @param to the recipient; empty to create a contract from {@code data}
 * @param gas the gas limit
 * @param gasPrice a legacy gas price; not together with the EIP-1559 caps
 * @param maxFeePerGas EIP-1559 fee cap
 * @param maxPriorityFeePerGas EIP-1559 priority fee cap
 * @param value wei sent along
 * @param data call data, or initcode for a creation
 * @param accessList EIP-2930 entries warmed before the call starts
 */
public record CallMessage(Address from, Optional<Address> to, long gas, Optional<Wei> gasPrice,
    Optional<Wei> maxFeePerGas, Optional<Wei> maxPriorityFeePerGas, Wei value, byte[] data,
    List<AccessListEntry> accessList) {
  public CallMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(value, "value");
    data = data.clone();
    accessList = List.copyOf(accessList);
  }

  /** A plain message: no price, no value, no access list. */
  public static CallMessage of(Address from, Optional<Address> to, long gas, byte[] data) {
    return new CallMessage(from, to, gas, Optional.empty(), Optional.empty(), Optional.empty(), Wei.ZERO, data,
        List.of());
  }

  /** The same message with another gas limit, as gas estimation tries them. */
  public CallMessage withGas(long otherGas) {
    return new CallMessage(from, to, otherGas, gasPrice, maxFeePerGas, maxPriorityFeePerGas, value, data,
        accessList);
  }

  /** The same message with another access list, as access list creation tries them. */
  public CallMessage withAccessList(List<AccessListEntry> otherAccessList) {
    return new CallMessage(from, to, gas, gasPrice, maxFeePerGas, maxPriorityFeePerGas, value, data,
        otherAccessList);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public boolean isContractCreation() {
    return to.isEmpty();
  }

  @Override
  public String toString() {
    return "CallMessage[from=" + from + ", to=" + to.map(Address::toString).orElse("(creation)") + ", gas=" + gas
        + ", value=" + value + ", data=" + Bytes.toHex(data) + "]";
  }
}
