package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** MUL (0x02): a * b mod 2^256. */
public final class MulOperation extends AbstractFixedCostOperation {
  public MulOperation(BerlinGasCalculator gasCalculator) {
    super(0x02, "MUL", 2, 1, BerlinGasCalculator.LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    Words.mul(w, a, b, b);
    stack.pop(1);
    return null;
  }
}
