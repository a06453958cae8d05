package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** RETURN and REVERT: end the frame with a memory range as output; they differ only in the state they end in. */
abstract class OutputEndingOperation extends Operation {
  private final MessageFrame.State endState;

  OutputEndingOperation(int opcode, String name, MessageFrame.State endState, BerlinGasCalculator gasCalculator) {
    super(opcode, name, 2, 0, gasCalculator);
    this.endState = endState;
  }

  @Override
  public final ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long offset = stack.clampedLong(0);
    long length = stack.clampedLong(1);
    Memory memory = frame.memory();
    if (!frame.useGas(gasCalculator.memoryExpansionCost(memory, offset, length))) {
      return INSUFFICIENT_GAS;
    }
    frame.setOutput(memory.read(offset, length));
    stack.pop(2);
    frame.setState(endState);
    return null;
  }
}
