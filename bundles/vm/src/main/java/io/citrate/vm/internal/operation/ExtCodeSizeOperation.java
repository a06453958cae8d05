package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/** EXTCODESIZE (0x3b): The length of an account's code. */
public final class ExtCodeSizeOperation extends AbstractOperation {
  public ExtCodeSizeOperation(CancunGasCalculator gasCalculator) {
    super(0x3b, "EXTCODESIZE", 1, 1, gasCalculator);
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
    stack.pushLong(state.code(address).size());
    return null;
  }
}
