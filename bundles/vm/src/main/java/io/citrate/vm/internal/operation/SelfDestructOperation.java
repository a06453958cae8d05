package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.ILLEGAL_STATE_CHANGE;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/** SELFDESTRUCT (0xff): Sends the account's balance to a beneficiary and ends the frame; deletes the account only if it was created in this transaction (EIP-6780). */
public final class SelfDestructOperation extends AbstractOperation {
  public SelfDestructOperation(CancunGasCalculator gasCalculator) {
    super(0xff, "SELFDESTRUCT", 1, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    if (frame.isStatic()) {
      return ILLEGAL_STATE_CHANGE;
    }
    Address beneficiary = frame.stack().address(0);
    Address self = frame.recipient();
    JournaledState state = frame.worldState();
    Wei balance = state.balance(self);
    long cost = CancunGasCalculator.SELFDESTRUCT;
    if (!state.warmUp(beneficiary)) {
      cost += CancunGasCalculator.COLD_ACCOUNT_ACCESS;
    }
    if (!balance.isZero() && state.isDead(beneficiary)) {
      cost += CancunGasCalculator.NEW_ACCOUNT;
    }
    if (!frame.useGas(cost)) {
      return INSUFFICIENT_GAS;
    }
    state.subtractBalance(self, balance);
    state.addBalance(beneficiary, balance);
    if (state.isCreatedThisTransaction(self)) {
      state.selfDestruct(self);
    }
    frame.stack().pop(1);
    frame.setState(MessageFrame.State.CODE_SUCCESS);
    return null;
  }
}
