package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;
import io.citrate.vm.internal.state.Word;

/** SLOAD (0x54): Reads a storage slot; a cold slot costs more (EIP-2929). */
public final class SLoadOperation extends Operation {
  public SLoadOperation(BerlinGasCalculator gasCalculator) {
    super(0x54, "SLOAD", 1, 1, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    Word key = stack.word(0);
    JournaledState state = frame.worldState();
    if (!frame.useGas(gasCalculator.sloadCost(state.warmUp(frame.recipient(), key)))) {
      return INSUFFICIENT_GAS;
    }
    state.storage(frame.recipient(), key).writeTo(stack.limbs(), stack.index(0));
    return null;
  }
}
