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
 * Reads and calls on the state after a block. Reads take the state root the block's header commits to (consensus
 * validated it against the block's acceptance), so a balance query decodes no receipts; a call also needs the
 * environment the block's own transactions ran in, built from its execution record as {@link AcceptanceExecutor}
 * builds it.
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

  /** The account {@code address} in the state with root {@code stateRoot}, a valid block's. */
  public AccountSnapshot account(Hash stateRoot, Address address) {
    return vm.account(store, stateRoot, address);
  }

  public byte[] code(Hash stateRoot, Address address) {
    return vm.code(store, stateRoot, address);
  }

  public Hash storage(Hash stateRoot, Address address, Hash slot) {
    return vm.storage(store, stateRoot, address, slot);
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
}
