package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.ILLEGAL_STATE_CHANGE;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/**
 * SELFDESTRUCT (0xff): Sends the account's balance to a beneficiary and ends the frame. Before Cancun the account is
 * deleted at the end of the transaction, refunding the fork's SELFDESTRUCT refund once; from Cancun on only an
 * account created in this transaction is deleted (EIP-6780), any other keeps its code and storage.
 */
public final class SelfDestructOperation extends Operation {
  private final boolean deletesOnlyNewAccounts;

  /** @param deletesOnlyNewAccounts EIP-6780's rule: delete the account only if this transaction created it */
  public SelfDestructOperation(BerlinGasCalculator gasCalculator, boolean deletesOnlyNewAccounts) {
    super(0xff, "SELFDESTRUCT", 1, 0, gasCalculator);
    this.deletesOnlyNewAccounts = deletesOnlyNewAccounts;
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
    long cost = BerlinGasCalculator.SELFDESTRUCT;
    if (!state.warmUp(beneficiary)) {
      cost += BerlinGasCalculator.COLD_ACCOUNT_ACCESS;
    }
    if (!balance.isZero() && state.isDead(beneficiary)) {
      cost += BerlinGasCalculator.NEW_ACCOUNT;
    }
    if (!frame.useGas(cost)) {
      return INSUFFICIENT_GAS;
    }
    state.subtractBalance(self, balance);
    state.addBalance(beneficiary, balance);
    if (!deletesOnlyNewAccounts || state.isCreatedThisTransaction(self)) {
      long refund = gasCalculator.selfDestructRefund();
      if (refund != 0 && !state.hasSelfDestructed(self)) {
        state.addRefund(refund);
      }
      state.selfDestruct(self);
    }
    frame.stack().pop(1);
    frame.setState(MessageFrame.State.CODE_SUCCESS);
    return null;
  }
}
