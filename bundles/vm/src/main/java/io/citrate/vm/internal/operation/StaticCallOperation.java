package io.citrate.vm.internal.operation;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.CancunGasCalculator;

/** STATICCALL (0xfa): Calls an account that may not change state (EIP-214). */
public final class StaticCallOperation extends AbstractCallOperation {
  public StaticCallOperation(CancunGasCalculator gasCalculator) {
    super(0xfa, "STATICCALL", false, gasCalculator);
  }

  @Override
  protected boolean transfersValue() {
    return false;
  }

  @Override
  protected MessageFrame.Builder child(MessageFrame frame, Address to, Wei value) {
    return MessageFrame.builder(MessageFrame.Type.MESSAGE_CALL, frame.transaction())
        .parent(frame)
        .recipient(to)
        .sender(frame.recipient())
        .codeAddress(to)
        .value(Wei.ZERO, false)
        .isStatic(true)
        .touchesRecipient(true);
  }
}
