package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** ISZERO (0x15): 1 if a is 0, else 0. */
public final class IsZeroOperation extends AbstractFixedCostOperation {
  public IsZeroOperation(BerlinGasCalculator gasCalculator) {
    super(0x15, "ISZERO", 1, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    Words.setLong(w, a, Words.isZero(w, a) ? 1 : 0);
    return null;
  }
}
