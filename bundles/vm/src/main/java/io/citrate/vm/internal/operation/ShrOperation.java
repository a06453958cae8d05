package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** SHR (0x1c): b shifted right by a bits, filling with zeros (EIP-145). */
public final class ShrOperation extends AbstractFixedCostOperation {
  public ShrOperation(BerlinGasCalculator gasCalculator) {
    super(0x1c, "SHR", 2, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    long shift = Words.fitsLong(w, a) ? w[a] : 256;
    Words.shiftRight(w, b, shift, false);
    stack.pop(1);
    return null;
  }
}
