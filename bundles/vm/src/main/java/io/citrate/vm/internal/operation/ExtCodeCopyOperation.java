package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import io.citrate.vm.internal.state.JournaledState;

/** EXTCODECOPY (0x3c): Copies an account's code to memory, zero-padded. */
public final class ExtCodeCopyOperation extends AbstractOperation {
  public ExtCodeCopyOperation(CancunGasCalculator gasCalculator) {
    super(0x3c, "EXTCODECOPY", 4, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    Address address = stack.address(0);
    long destination = stack.clampedLong(1);
    long sourceOffset = stack.clampedLong(2);
    long length = stack.clampedLong(3);
    Memory memory = frame.memory();
    JournaledState state = frame.worldState();
    long expansion = gasCalculator.memoryExpansionCost(memory, destination, length);
    long cost = gasCalculator.copyCost(gasCalculator.accountAccessCost(state.warmUp(address)), length, expansion);
    if (!frame.useGas(cost)) {
      return INSUFFICIENT_GAS;
    }
    memory.write(destination, state.code(address).bytes(), sourceOffset, length);
    stack.pop(4);
    return null;
  }
}
