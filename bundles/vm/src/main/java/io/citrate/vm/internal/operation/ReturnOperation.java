package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** RETURN (0xf3): Ends the frame successfully with a memory range as output. */
public final class ReturnOperation extends OutputEndingOperation {
  public ReturnOperation(BerlinGasCalculator gasCalculator) {
    super(0xf3, "RETURN", MessageFrame.State.CODE_SUCCESS, gasCalculator);
  }
}
