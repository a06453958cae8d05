package io.citrate.vm.internal.operation;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** DELEGATECALL (0xf4): runs another account's code as this frame, with its storage, caller and value (EIP-7). */
public final class DelegateCallOperation extends AbstractCallOperation {
  public DelegateCallOperation(BerlinGasCalculator gasCalculator) {
    super(0xf4, "DELEGATECALL", false, gasCalculator);
  }

  @Override
  protected Address recipient(MessageFrame frame, Address to) {
    return frame.recipient();
  }

  @Override
  protected Address sender(MessageFrame frame) {
    return frame.sender();
  }

  @Override
  protected Wei apparentValue(MessageFrame frame, Wei value) {
    return frame.value();
  }
}
