package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INVALID_JUMP_DESTINATION;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** JUMP (0x56): Continues at the destination, which must be a JUMPDEST. */
public final class JumpOperation extends AbstractFixedCostOperation {
  public JumpOperation(BerlinGasCalculator gasCalculator) {
    super(0x56, "JUMP", 1, 0, BerlinGasCalculator.MID_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long destination = stack.clampedLong(0);
    if (!frame.code().isValidJumpDestination(destination)) {
      return INVALID_JUMP_DESTINATION;
    }
    frame.setNextPc((int) destination);
    stack.pop(1);
    return null;
  }
}
