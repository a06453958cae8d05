package io.citrate.vm.internal.operation;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.CancunGasCalculator;

/** CALL (0xf1): Calls an account with value; value to a static frame is forbidden. */
public final class CallOperation extends AbstractCallOperation {
  public CallOperation(CancunGasCalculator gasCalculator) {
    super(0xf1, "CALL", true, gasCalculator);
  }

  @Override
  protected boolean transfersValue() {
    return true;
  }

  @Override
  protected MessageFrame.Builder child(MessageFrame frame, Address to, Wei value) {
    return MessageFrame.builder(MessageFrame.Type.MESSAGE_CALL, frame.transaction())
        .parent(frame)
        .recipient(to)
        .sender(frame.recipient())
        .codeAddress(to)
        .value(value, true);
  }
}
