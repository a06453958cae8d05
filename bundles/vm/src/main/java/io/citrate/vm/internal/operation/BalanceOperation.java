package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/** BALANCE (0x31): An account's balance; cold access costs more (EIP-2929). */
public final class BalanceOperation extends AbstractOperation {
  public BalanceOperation(CancunGasCalculator gasCalculator) {
    super(0x31, "BALANCE", 1, 1, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    Address address = stack.address(0);
    JournaledState state = frame.worldState();
    if (!frame.useGas(gasCalculator.accountAccessCost(state.warmUp(address)))) {
      return INSUFFICIENT_GAS;
    }
    stack.pop(1);
    stack.pushWei(state.balance(address));
    return null;
  }
}
