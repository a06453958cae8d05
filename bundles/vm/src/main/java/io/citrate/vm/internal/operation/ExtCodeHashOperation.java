package io.citrate.vm.internal.operation;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/** EXTCODEHASH (0x3f): Keccak-256 of an account's code; 0 for an absent or empty account (EIP-1052, EIP-161). */
public final class ExtCodeHashOperation extends AbstractAccountQueryOperation {
  public ExtCodeHashOperation(BerlinGasCalculator gasCalculator) {
    super(0x3f, "EXTCODEHASH", gasCalculator);
  }

  @Override
  protected void push(OperandStack stack, JournaledState state, Address address) {
    if (state.isDead(address)) {
      stack.pushZero();
    } else {
      stack.pushHash(state.codeHash(address));
    }
  }
}
