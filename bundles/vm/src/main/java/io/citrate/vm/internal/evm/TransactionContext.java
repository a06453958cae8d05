package io.citrate.vm.internal.evm;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.internal.state.JournaledState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What every frame of one transaction shares: its origin and prices, the block, the journaled state and the stack
 * of frames in progress (the top one runs; calls and creations push their child onto it).
 */
public final class TransactionContext {
  private final Address origin;
  private final Wei gasPrice;
  private final List<Hash> blobVersionedHashes;
  private final BlockEnvironment block;
  private final Wei blobBaseFee;
  private final JournaledState state;
  private final Deque<MessageFrame> messageStack = new ArrayDeque<>();
  private final ExecutionTracer tracer;

  public TransactionContext(Address origin, Wei gasPrice, List<Hash> blobVersionedHashes, BlockEnvironment block,
      JournaledState state) {
    this(origin, gasPrice, blobVersionedHashes, block, state, null);
  }

  /** A context whose frames report to {@code tracer}; null runs them untraced. */
  public TransactionContext(Address origin, Wei gasPrice, List<Hash> blobVersionedHashes, BlockEnvironment block,
      JournaledState state, ExecutionTracer tracer) {
    this.origin = origin;
    this.gasPrice = gasPrice;
    this.blobVersionedHashes = List.copyOf(blobVersionedHashes);
    this.block = block;
    this.blobBaseFee = block.blobBaseFee();
    this.state = state;
    this.tracer = tracer;
  }

  public Address origin() {
    return origin;
  }

  public Wei gasPrice() {
    return gasPrice;
  }

  public List<Hash> blobVersionedHashes() {
    return blobVersionedHashes;
  }

  public BlockEnvironment block() {
    return block;
  }

  public Wei blobBaseFee() {
    return blobBaseFee;
  }

  public JournaledState state() {
    return state;
  }

  /** Who watches this transaction's frames; null when nobody does. */
  public ExecutionTracer tracer() {
    return tracer;
  }

  public Deque<MessageFrame> messageStack() {
    return messageStack;
  }
}
