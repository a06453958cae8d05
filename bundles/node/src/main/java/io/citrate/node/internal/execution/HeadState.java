package io.citrate.node.internal.execution;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.node.api.ChainSpec;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.txpool.api.PoolState;
import io.citrate.vm.api.AccountSnapshot;
import io.citrate.vm.api.BlockProcessor;

/**
 * The head of the selected chain as last committed: the state the pool checks transactions against and the
 * node answers from. It moves only after the block that moved the sink is on disk, so every read finds its
 * state there.
 */
public final class HeadState implements PoolState {
  private final ChainSpec spec;
  private final BlockProcessor vm;
  private final KeyValueStoreReader store;
  private final AcceptanceExecutor executor;
  private volatile Head head;

  /** The head and its record, read together. */
  public record Head(Hash block, AcceptanceRecord record) {}

  public HeadState(ChainSpec spec, BlockProcessor vm, KeyValueStoreReader store, AcceptanceExecutor executor,
      Hash initialHead) {
    this.spec = spec;
    this.vm = vm;
    this.store = store;
    this.executor = executor;
    moveTo(initialHead);
  }

  /** Moves the head to {@code block}, whose writes must be committed. */
  public void moveTo(Hash block) {
    head = new Head(block, AcceptanceExecutor.record(store, block));
  }

  public Head head() {
    return head;
  }

  public AccountSnapshot account(Address address) {
    return vm.account(store, head.record().stateRoot(), address);
  }

  @Override
  public long chainId() {
    return spec.chainId();
  }

  @Override
  public long nonce(Address account) {
    return account(account).nonce();
  }

  @Override
  public Wei balance(Address account) {
    return account(account).balance();
  }

  @Override
  public Wei baseFee() {
    return executor.baseFeeAfter(head.record());
  }

  @Override
  public long blockGasLimit() {
    return spec.gasLimit();
  }
}
