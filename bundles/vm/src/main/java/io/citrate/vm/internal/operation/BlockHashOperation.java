package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** BLOCKHASH (0x40): The hash of one of the 256 blocks below this one; 0 for any other number. */
public final class BlockHashOperation extends AbstractFixedCostOperation {
  /** How many blocks back BLOCKHASH can see. */
  private static final long BLOCKHASH_WINDOW = 256;

  public BlockHashOperation(BerlinGasCalculator gasCalculator) {
    super(0x40, "BLOCKHASH", 1, 1, BerlinGasCalculator.BLOCKHASH, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    long current = frame.transaction().block().number();
    if (Words.fitsLong(w, a) && w[a] < current && w[a] >= current - BLOCKHASH_WINDOW) {
      Words.fromBytes(frame.transaction().block().blockHashes().apply(w[a]).unsafeBytes(), 0, 32, w, a);
    } else {
      Words.setZero(w, a);
    }
    return null;
  }
}
