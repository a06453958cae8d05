package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/**
 * BALANCE, EXTCODESIZE and EXTCODEHASH: pop an address, charge its warm or cold access (EIP-2929), push one fact
 * about the account. A subclass states only the fact.
 */
public abstract class AbstractAccountQueryOperation extends Operation {
  protected AbstractAccountQueryOperation(int opcode, String name, BerlinGasCalculator gasCalculator) {
    super(opcode, name, 1, 1, gasCalculator);
  }

  @Override
  public final ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    Address address = stack.address(0);
    JournaledState state = frame.worldState();
    if (!frame.useGas(gasCalculator.accountAccessCost(state.warmUp(address)))) {
      return INSUFFICIENT_GAS;
    }
    stack.pop(1);
    push(stack, state, address);
    return null;
  }

  /** Pushes the fact about {@code address}. */
  protected abstract void push(OperandStack stack, JournaledState state, Address address);
}
