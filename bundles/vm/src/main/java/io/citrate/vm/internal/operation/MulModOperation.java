package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** MULMOD (0x09): (a * b) mod n without overflow; 0 when n is 0. */
public final class MulModOperation extends AbstractFixedCostOperation {
  public MulModOperation(BerlinGasCalculator gasCalculator) {
    super(0x09, "MULMOD", 3, 1, BerlinGasCalculator.MID_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int n = stack.index(2);
    Words.mulMod(w, stack.index(0), stack.index(1), n, n);
    stack.pop(2);
    return null;
  }
}
