package io.citrate.vm.internal.operation;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/** EXTCODESIZE (0x3b): The length of an account's code. */
public final class ExtCodeSizeOperation extends AbstractAccountQueryOperation {
  public ExtCodeSizeOperation(BerlinGasCalculator gasCalculator) {
    super(0x3b, "EXTCODESIZE", gasCalculator);
  }

  @Override
  protected void push(OperandStack stack, JournaledState state, Address address) {
    stack.pushLong(state.code(address).size());
  }
}
