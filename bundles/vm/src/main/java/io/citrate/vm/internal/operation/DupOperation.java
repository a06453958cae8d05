package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** DUP1-DUP16 (0x80-0x8f): pushes a copy of the n-th item. */
public final class DupOperation extends AbstractFixedCostOperation {
  public static final int DUP1 = 0x80;

  private final int depth;

  public DupOperation(int n, BerlinGasCalculator gasCalculator) {
    super(DUP1 + n - 1, "DUP" + n, n, n + 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
    this.depth = n - 1;
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    int source = stack.index(depth);
    Words.copy(stack.limbs(), source, stack.limbs(), stack.push());
    return null;
  }
}
