package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/** EXTCODEHASH (0x3f): Keccak-256 of an account's code; 0 for an absent or empty account (EIP-1052, EIP-161). */
public final class ExtCodeHashOperation extends AbstractOperation {
  public ExtCodeHashOperation(CancunGasCalculator gasCalculator) {
    super(0x3f, "EXTCODEHASH", 1, 1, gasCalculator);
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
    if (state.isDead(address)) {
      stack.pushZero();
    } else {
      stack.pushHash(state.codeHash(address));
    }
    return null;
  }
}
