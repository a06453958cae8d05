package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** GT (0x11): 1 if a > b unsigned, else 0. */
public final class GtOperation extends AbstractFixedCostOperation {
  public GtOperation(BerlinGasCalculator gasCalculator) {
    super(0x11, "GT", 2, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    Words.setLong(w, b, Words.compareUnsigned(w, a, b) > 0 ? 1 : 0);
    stack.pop(1);
    return null;
  }
}
