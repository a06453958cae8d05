package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.Word;

/** MSTORE (0x52): Writes a 32-byte word to memory. */
public final class MStoreOperation extends Operation {
  public MStoreOperation(BerlinGasCalculator gasCalculator) {
    super(0x52, "MSTORE", 2, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long offset = stack.clampedLong(0);
    Memory memory = frame.memory();
    long cost = BerlinGasCalculator.saturatingAdd(BerlinGasCalculator.VERY_LOW_TIER,
        gasCalculator.memoryExpansionCost(memory, offset, Word.SIZE));
    if (!frame.useGas(cost)) {
      return INSUFFICIENT_GAS;
    }
    memory.storeWord(offset, stack.limbs(), stack.index(1));
    stack.pop(2);
    return null;
  }
}
