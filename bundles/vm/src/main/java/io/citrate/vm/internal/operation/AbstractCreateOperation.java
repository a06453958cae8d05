package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.ILLEGAL_STATE_CHANGE;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.vm.internal.evm.Code;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/**
 * CREATE and CREATE2. Initcode over the fork's limit (49152 bytes from Shanghai on, EIP-3860) halts. A creation too deep, with too little balance or
 * with the creator's nonce exhausted fails softly with 0 and the gas returned. Otherwise the creator's nonce is
 * bumped, the new address is warmed, all but a 64th of the gas goes to the child, and an address that already
 * holds code, a nonce or storage fails the creation, keeping that gas.
 */
public abstract class AbstractCreateOperation extends Operation {
  private static final long MAX_NONCE = -1L;

  protected AbstractCreateOperation(int opcode, String name, int stackItemsConsumed,
      BerlinGasCalculator gasCalculator) {
    super(opcode, name, stackItemsConsumed, 1, gasCalculator);
  }

  protected abstract long cost(long initcodeLength, long expansion);

  /** The new contract's address; called after the operands are read and before they are popped. */
  protected abstract Address contractAddress(MessageFrame frame, long creatorNonce, byte[] initcode);

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    if (frame.isStatic()) {
      return ILLEGAL_STATE_CHANGE;
    }
    OperandStack stack = frame.stack();
    Wei value = stack.wei(0);
    long offset = stack.clampedLong(1);
    long length = stack.clampedLong(2);
    if (length > gasCalculator.maxInitcodeSize()) {
      return INSUFFICIENT_GAS;
    }
    Memory memory = frame.memory();
    if (!frame.useGas(cost(length, gasCalculator.memoryExpansionCost(memory, offset, length)))) {
      return INSUFFICIENT_GAS;
    }
    byte[] initcode = memory.read(offset, length);
    JournaledState state = frame.worldState();
    Address creator = frame.recipient();
    long nonce = state.nonce(creator);
    Address address = contractAddress(frame, nonce, initcode);
    stack.pop(stackItemsConsumed());
    frame.setReturnData(Bytes.EMPTY);

    if (frame.depth() >= AbstractCallOperation.MAX_CALL_DEPTH || state.balance(creator).lessThan(value)
        || nonce == MAX_NONCE) {
      stack.pushZero();
      return null;
    }
    state.setNonce(creator, nonce + 1);
    state.warmUpCreated(address);
    long gas = gasCalculator.gasForChild(frame.gasRemaining(), Long.MAX_VALUE);
    frame.useGas(gas);
    if (state.nonce(address) != 0 || !state.codeHash(address).equals(Hash.EMPTY) || state.hasStorage(address)) {
      stack.pushZero();
      return null;
    }
    MessageFrame child = MessageFrame.builder(MessageFrame.Type.CONTRACT_CREATION, frame.transaction())
        .parent(frame)
        .recipient(address)
        .sender(creator)
        .codeAddress(address)
        .value(value, true)
        .code(Code.of(initcode))
        .gas(gas)
        .build();
    frame.setState(MessageFrame.State.CODE_SUSPENDED);
    frame.transaction().messageStack().push(child);
    return null;
  }
}
