package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.CancunGasCalculator;

/** MCOPY (0x5e): Copies within memory, overlapping ranges allowed (EIP-5656). */
public final class MCopyOperation extends AbstractOperation {
  public MCopyOperation(CancunGasCalculator gasCalculator) {
    super(0x5e, "MCOPY", 3, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long destination = stack.clampedLong(0);
    long source = stack.clampedLong(1);
    long length = stack.clampedLong(2);
    Memory memory = frame.memory();
    long expansion = gasCalculator.memoryExpansionCost(memory, source, length, destination, length);
    if (!frame.useGas(gasCalculator.copyCost(CancunGasCalculator.VERY_LOW_TIER, length, expansion))) {
      return INSUFFICIENT_GAS;
    }
    memory.copyWithin(destination, source, length);
    stack.pop(3);
    return null;
  }
}
