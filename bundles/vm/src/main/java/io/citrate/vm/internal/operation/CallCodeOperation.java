package io.citrate.vm.internal.operation;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CALLCODE (0xf2): Runs another account's code on this account's storage and balance. */
public final class CallCodeOperation extends AbstractCallOperation {
  public CallCodeOperation(BerlinGasCalculator gasCalculator) {
    super(0xf2, "CALLCODE", true, gasCalculator);
  }

  @Override
  protected Address recipient(MessageFrame frame, Address to) {
    return frame.recipient();
  }
}
