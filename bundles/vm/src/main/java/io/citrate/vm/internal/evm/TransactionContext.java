package io.citrate.vm.internal.evm;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.vm.api.BlockEnvironment;
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

  public TransactionContext(Address origin, Wei gasPrice, List<Hash> blobVersionedHashes, BlockEnvironment block,
      JournaledState state) {
    this.origin = origin;
    this.gasPrice = gasPrice;
    this.blobVersionedHashes = List.copyOf(blobVersionedHashes);
    this.block = block;
    this.blobBaseFee = block.blobBaseFee();
    this.state = state;
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

  public Deque<MessageFrame> messageStack() {
    return messageStack;
  }
}
