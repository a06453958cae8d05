package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** SAR (0x1d): b shifted right by a bits, filling with its sign (EIP-145). */
public final class SarOperation extends AbstractFixedCostOperation {
  public SarOperation(BerlinGasCalculator gasCalculator) {
    super(0x1d, "SAR", 2, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    long shift = Words.fitsLong(w, a) ? w[a] : 256;
    Words.shiftRight(w, b, shift, true);
    stack.pop(1);
    return null;
  }
}
