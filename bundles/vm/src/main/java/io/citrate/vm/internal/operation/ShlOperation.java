package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** SHL (0x1b): b shifted left by a bits (EIP-145). */
public final class ShlOperation extends AbstractFixedCostOperation {
  public ShlOperation(BerlinGasCalculator gasCalculator) {
    super(0x1b, "SHL", 2, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    long shift = Words.fitsLong(w, a) ? w[a] : 256;
    Words.shiftLeft(w, b, shift);
    stack.pop(1);
    return null;
  }
}
