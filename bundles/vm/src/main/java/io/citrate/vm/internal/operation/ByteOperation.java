package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** BYTE (0x1a): Byte a of b, counted from the most significant; 0 past 31. */
public final class ByteOperation extends AbstractFixedCostOperation {
  public ByteOperation(BerlinGasCalculator gasCalculator) {
    super(0x1a, "BYTE", 2, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    int b = stack.index(1);
    Words.byteAt(w, a, b, b);
    stack.pop(1);
    return null;
  }
}
