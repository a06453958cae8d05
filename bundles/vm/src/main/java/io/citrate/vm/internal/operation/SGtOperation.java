package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** SGT (0x13): 1 if a > b signed, else 0. */
public final class SGtOperation extends AbstractFixedCostOperation {
  public SGtOperation(BerlinGasCalculator gasCalculator) {
    super(0x13, "SGT", 2, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    Words.setLong(w, b, Words.compareSigned(w, a, b) > 0 ? 1 : 0);
    stack.pop(1);
    return null;
  }
}
