package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.ILLEGAL_STATE_CHANGE;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.gas.CancunGasCalculator;

/** TSTORE (0x5d): Writes transient storage (EIP-1153); not inside a static call. */
public final class TStoreOperation extends AbstractFixedCostOperation {
  public TStoreOperation(BerlinGasCalculator gasCalculator) {
    super(0x5d, "TSTORE", 2, 0, CancunGasCalculator.TRANSIENT_STORAGE, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    if (frame.isStatic()) {
      return ILLEGAL_STATE_CHANGE;
    }
    OperandStack stack = frame.stack();
    frame.worldState().setTransientStorage(frame.recipient(), stack.word(0), stack.word(1));
    stack.pop(2);
    return null;
  }
}
