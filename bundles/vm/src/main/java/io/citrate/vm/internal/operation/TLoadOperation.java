package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import io.citrate.vm.internal.state.Word;

/** TLOAD (0x5c): Reads transient storage, cleared after each transaction (EIP-1153). */
public final class TLoadOperation extends AbstractFixedCostOperation {
  public TLoadOperation(BerlinGasCalculator gasCalculator) {
    super(0x5c, "TLOAD", 1, 1, CancunGasCalculator.TRANSIENT_STORAGE, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    Word value = frame.worldState().transientStorage(frame.recipient(), stack.word(0));
    value.writeTo(stack.limbs(), stack.index(0));
    return null;
  }
}
