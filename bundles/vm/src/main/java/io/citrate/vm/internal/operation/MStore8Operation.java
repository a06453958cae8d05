package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** MSTORE8 (0x53): Writes the low byte of a word to memory. */
public final class MStore8Operation extends Operation {
  public MStore8Operation(BerlinGasCalculator gasCalculator) {
    super(0x53, "MSTORE8", 2, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long offset = stack.clampedLong(0);
    Memory memory = frame.memory();
    long cost = BerlinGasCalculator.saturatingAdd(BerlinGasCalculator.VERY_LOW_TIER,
        gasCalculator.memoryExpansionCost(memory, offset, 1));
    if (!frame.useGas(cost)) {
      return INSUFFICIENT_GAS;
    }
    memory.writeByte(offset, (byte) stack.limbs()[stack.index(1)]);
    stack.pop(2);
    return null;
  }
}
