package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.CancunGasCalculator;

/** REVERT (0xfd): Ends the frame, undoing its changes, with a memory range as output and its gas left (EIP-140). */
public final class RevertOperation extends AbstractOperation {
  public RevertOperation(CancunGasCalculator gasCalculator) {
    super(0xfd, "REVERT", 2, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long offset = stack.clampedLong(0);
    long length = stack.clampedLong(1);
    Memory memory = frame.memory();
    if (!frame.useGas(gasCalculator.memoryExpansionCost(memory, offset, length))) {
      return INSUFFICIENT_GAS;
    }
    frame.setOutput(memory.read(offset, length));
    stack.pop(2);
    frame.setState(MessageFrame.State.REVERT);
    return null;
  }
}
