package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.CancunGasCalculator;

/** CODECOPY (0x39): Copies the running code to memory, zero-padded. */
public final class CodeCopyOperation extends AbstractOperation {
  public CodeCopyOperation(CancunGasCalculator gasCalculator) {
    super(0x39, "CODECOPY", 3, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long destination = stack.clampedLong(0);
    long sourceOffset = stack.clampedLong(1);
    long length = stack.clampedLong(2);
    Memory memory = frame.memory();
    long expansion = gasCalculator.memoryExpansionCost(memory, destination, length);
    if (!frame.useGas(gasCalculator.copyCost(CancunGasCalculator.VERY_LOW_TIER, length, expansion))) {
      return INSUFFICIENT_GAS;
    }
    memory.write(destination, frame.code().bytes(), sourceOffset, length);
    stack.pop(3);
    return null;
  }
}
