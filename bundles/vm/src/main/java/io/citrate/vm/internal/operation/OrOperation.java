package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** OR (0x17): Bitwise or. */
public final class OrOperation extends AbstractFixedCostOperation {
  public OrOperation(BerlinGasCalculator gasCalculator) {
    super(0x17, "OR", 2, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    Words.or(w, a, b, b);
    stack.pop(1);
    return null;
  }
}
