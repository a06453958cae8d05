package io.citrate.vm.internal.operation;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/** BALANCE (0x31): An account's balance; cold access costs more (EIP-2929). */
public final class BalanceOperation extends AbstractAccountQueryOperation {
  public BalanceOperation(BerlinGasCalculator gasCalculator) {
    super(0x31, "BALANCE", gasCalculator);
  }

  @Override
  protected void push(OperandStack stack, JournaledState state, Address address) {
    stack.pushWei(state.balance(address));
  }
}
