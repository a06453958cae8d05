package io.citrate.node.internal.execution;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.node.api.ChainSpec;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.vm.api.AccountOverride;
import io.citrate.vm.api.AccountSnapshot;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.BlockProcessor;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and calls on the state after a block, found through the block's execution record: its state root, and
 * the environment its own transactions ran in, built as {@link AcceptanceExecutor} builds it.
 */
public final class StateQueries {
  private final ChainSpec spec;
  private final BlockProcessor vm;
  private final KeyValueStoreReader store;

  public StateQueries(ChainSpec spec, BlockProcessor vm, KeyValueStoreReader store) {
    this.spec = spec;
    this.vm = vm;
    this.store = store;
  }

  public Optional<AccountSnapshot> account(Hash block, Address address) {
    return stateRoot(block).map(root -> vm.account(store, root, address));
  }

  public Optional<byte[]> code(Hash block, Address address) {
    return stateRoot(block).map(root -> vm.code(store, root, address));
  }

  public Optional<Hash> storage(Hash block, Address address, Hash slot) {
    return stateRoot(block).map(root -> vm.storage(store, root, address, slot));
  }

  /** Runs {@code message} after the block {@code header} heads, in that block's environment. */
  public Optional<CallResult> call(BlockHeader header, CallMessage message, Map<Address, AccountOverride> overrides) {
    return ChainStore.acceptance(store, header.hash())
        .map(record -> vm.call(store, record.stateRoot(), environment(record, header), message, overrides));
  }

  private BlockEnvironment environment(AcceptanceRecord record, BlockHeader header) {
    return AcceptanceExecutor.environment(spec, record.producer(), record.number(), record.timestamp(),
        record.gasLimit(), record.baseFee(), ChainExecution.prevRandao(header.vrfProof()),
        AcceptanceExecutor.chainHashes(store, record.selectedParent(), record.number() - 1));
  }

  private Optional<Hash> stateRoot(Hash block) {
    return ChainStore.acceptance(store, block).map(AcceptanceRecord::stateRoot);
  }
}
