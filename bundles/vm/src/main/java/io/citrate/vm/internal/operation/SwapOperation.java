package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** SWAP1-SWAP16 (0x90-0x9f): exchanges the top item with the (n+1)-th. */
public final class SwapOperation extends AbstractFixedCostOperation {
  public static final int SWAP1 = 0x90;

  private final int depth;

  public SwapOperation(int n, BerlinGasCalculator gasCalculator) {
    super(SWAP1 + n - 1, "SWAP" + n, n + 1, n + 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
    this.depth = n;
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int top = stack.index(0);
    int other = stack.index(depth);
    for (int k = 0; k < 4; k++) {
      long t = w[top + k];
      w[top + k] = w[other + k];
      w[other + k] = t;
    }
    return null;
  }
}
