package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.ILLEGAL_STATE_CHANGE;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Wei;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/**
 * The four message calls. Each charges access (EIP-2929), memory for its input and output areas and, with value,
 * the transfer and possibly a new account; then passes at most all but a 64th of the rest (EIP-150) plus the
 * stipend when value moves. A call too deep or with too little balance fails softly: 0 is pushed and the gas
 * returned. Otherwise the child frame is pushed and this one waits; {@code Evm} pushes the result when it ends.
 */
public abstract class AbstractCallOperation extends Operation {
  public static final int MAX_CALL_DEPTH = 1024;

  private final boolean takesValue;

  protected AbstractCallOperation(int opcode, String name, boolean takesValue, BerlinGasCalculator gasCalculator) {
    super(opcode, name, takesValue ? 7 : 6, 1, gasCalculator);
    this.takesValue = takesValue;
  }

  /** Whether value given to the call moves to the callee (CALL) rather than staying with the caller (CALLCODE). */
  protected boolean transfersValue() {
    return false;
  }

  /** The account whose storage and balance the callee's code runs on: the callee itself unless overridden. */
  protected Address recipient(MessageFrame frame, Address to) {
    return to;
  }

  /** CALLER inside the callee: the calling account unless overridden. */
  protected Address sender(MessageFrame frame) {
    return frame.recipient();
  }

  /** CALLVALUE inside the callee: the value given to the call unless overridden. */
  protected Wei apparentValue(MessageFrame frame, Wei value) {
    return value;
  }

  /** Whether the callee runs static (EIP-214) even where the caller does not. */
  protected boolean forcesStatic() {
    return false;
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    Address to = stack.address(1);
    int next = takesValue ? 3 : 2;
    Wei value = takesValue ? stack.wei(2) : Wei.ZERO;
    boolean hasValue = !value.isZero();
    if (hasValue && transfersValue() && frame.isStatic()) {
      return ILLEGAL_STATE_CHANGE;
    }
    long inputOffset = stack.clampedLong(next);
    long inputLength = stack.clampedLong(next + 1);
    long outputOffset = stack.clampedLong(next + 2);
    long outputLength = stack.clampedLong(next + 3);
    Memory memory = frame.memory();
    JournaledState state = frame.worldState();

    long cost = gasCalculator.memoryExpansionCost(memory, inputOffset, inputLength, outputOffset, outputLength);
    cost = BerlinGasCalculator.saturatingAdd(cost, gasCalculator.accountAccessCost(state.warmUp(to)));
    if (hasValue) {
      cost = BerlinGasCalculator.saturatingAdd(cost, BerlinGasCalculator.CALL_VALUE_TRANSFER);
      if (transfersValue() && state.isDead(to)) {
        cost = BerlinGasCalculator.saturatingAdd(cost, BerlinGasCalculator.NEW_ACCOUNT);
      }
    }
    if (!frame.useGas(cost)) {
      return INSUFFICIENT_GAS;
    }
    long gas = gasCalculator.gasForChild(frame.gasRemaining(), stack.clampedLong(0));
    frame.useGas(gas);
    memory.touch(inputOffset, inputLength);
    memory.touch(outputOffset, outputLength);
    stack.pop(stackItemsConsumed());
    if (hasValue) {
      gas += BerlinGasCalculator.CALL_STIPEND;
    }
    frame.setReturnData(Bytes.EMPTY);

    if (frame.depth() >= MAX_CALL_DEPTH || (hasValue && state.balance(frame.recipient()).lessThan(value))) {
      frame.addGas(gas);
      stack.pushZero();
      return null;
    }
    MessageFrame.Builder builder = MessageFrame.builder(MessageFrame.Type.MESSAGE_CALL, frame.transaction())
        .parent(frame)
        .recipient(recipient(frame, to))
        .sender(sender(frame))
        .codeAddress(to)
        .value(apparentValue(frame, value), transfersValue());
    if (forcesStatic()) {
      builder.isStatic(true).touchesRecipient(true);
    }
    MessageFrame child = builder
        .gas(gas)
        .input(memory.read(inputOffset, inputLength))
        .code(state.code(to))
        .output(outputOffset, outputLength)
        .build();
    frame.setState(MessageFrame.State.CODE_SUSPENDED);
    frame.transaction().messageStack().push(child);
    return null;
  }
}
