package io.citrate.node.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.vm.api.AccountOverride;
import io.citrate.vm.api.AccountSnapshot;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The state the blocks leave behind, read and called into without changing anything: what {@code eth_getBalance},
 * {@code eth_getCode}, {@code eth_getStorageAt}, {@code eth_getTransactionCount} and {@code eth_call} answer from.
 * A query names a block and sees the state after what it accepted; it is empty for a block this node has not
 * executed (unknown, or not valid).
 */
@ProviderType
public interface ChainState {

  Optional<AccountSnapshot> account(Hash block, Address address);

  /** The account's code; empty bytes for an account without code. */
  Optional<byte[]> code(Hash block, Address address);

  /** The value of storage slot {@code slot}; zero when unset. */
  Optional<Hash> storage(Hash block, Address address, Hash slot);

  /**
   * Runs {@code message} on the state after {@code block}, in the environment the block's own transactions ran
   * in (its number, timestamp in seconds, gas limit, base fee, producer as coinbase, PREVRANDAO, chain id), seen
   * through {@code overrides}; nothing is written. Never throws for a message: every failure is in the result.
   */
  Optional<CallResult> call(Hash block, CallMessage message, Map<Address, AccountOverride> overrides);

  /**
   * The nonce {@code sender}'s next transaction should carry as the pool sees it: one past its last pending
   * transaction, else its nonce at the head ({@code eth_getTransactionCount} for "pending").
   */
  long pendingNonce(Address sender);
}
