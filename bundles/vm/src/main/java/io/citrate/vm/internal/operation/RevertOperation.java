package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** REVERT (0xfd): Ends the frame, undoing its changes, with a memory range as output and its gas left (EIP-140). */
public final class RevertOperation extends OutputEndingOperation {
  public RevertOperation(BerlinGasCalculator gasCalculator) {
    super(0xfd, "REVERT", MessageFrame.State.REVERT, gasCalculator);
  }
}
