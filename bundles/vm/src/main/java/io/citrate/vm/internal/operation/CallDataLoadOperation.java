package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CALLDATALOAD (0x35): 32 bytes of call data from the offset, zero-padded past its end. */
public final class CallDataLoadOperation extends AbstractFixedCostOperation {
  public CallDataLoadOperation(BerlinGasCalculator gasCalculator) {
    super(0x35, "CALLDATALOAD", 1, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    byte[] input = frame.input();
    if (!Words.fitsLong(w, a) || w[a] >= input.length) {
      Words.setZero(w, a);
    } else {
      Words.fromBytes(input, (int) w[a], 32, w, a);
    }
    return null;
  }
}
