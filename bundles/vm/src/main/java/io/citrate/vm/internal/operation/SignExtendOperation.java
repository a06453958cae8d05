package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** SIGNEXTEND (0x0b): Extends the sign of byte a (counted from the right) of b. */
public final class SignExtendOperation extends AbstractFixedCostOperation {
  public SignExtendOperation(BerlinGasCalculator gasCalculator) {
    super(0x0b, "SIGNEXTEND", 2, 1, BerlinGasCalculator.LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    Words.signExtend(w, a, b, b);
    stack.pop(1);
    return null;
  }
}
