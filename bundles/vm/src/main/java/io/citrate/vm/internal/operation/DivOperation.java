package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** DIV (0x04): Unsigned a / b; 0 when b is 0. */
public final class DivOperation extends AbstractFixedCostOperation {
  public DivOperation(BerlinGasCalculator gasCalculator) {
    super(0x04, "DIV", 2, 1, BerlinGasCalculator.LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    Words.div(w, a, b, b);
    stack.pop(1);
    return null;
  }
}
