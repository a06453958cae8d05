package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INVALID_JUMP_DESTINATION;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** JUMPI (0x57): Continues at the destination if the condition is not zero. */
public final class JumpiOperation extends AbstractFixedCostOperation {
  public JumpiOperation(BerlinGasCalculator gasCalculator) {
    super(0x57, "JUMPI", 2, 0, BerlinGasCalculator.HIGH_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    if (!stack.isZero(1)) {
      long destination = stack.clampedLong(0);
      if (!frame.code().isValidJumpDestination(destination)) {
        return INVALID_JUMP_DESTINATION;
      }
      frame.setNextPc((int) destination);
    }
    stack.pop(2);
    return null;
  }
}
