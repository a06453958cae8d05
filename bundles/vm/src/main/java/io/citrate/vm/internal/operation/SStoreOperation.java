package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.ILLEGAL_STATE_CHANGE;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;
import io.citrate.vm.internal.state.Word;

/** SSTORE (0x55): Writes a storage slot, metered per EIP-2200 and EIP-2929, refunded as the fork says (EIP-3529). */
public final class SStoreOperation extends Operation {
  public SStoreOperation(BerlinGasCalculator gasCalculator) {
    super(0x55, "SSTORE", 2, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    if (frame.isStatic()) {
      return ILLEGAL_STATE_CHANGE;
    }
    // EIP-2200: a frame left with only the call stipend may not write storage.
    if (frame.gasRemaining() <= BerlinGasCalculator.SSTORE_SENTRY) {
      return INSUFFICIENT_GAS;
    }
    OperandStack stack = frame.stack();
    Word key = stack.word(0);
    Word value = stack.word(1);
    Address address = frame.recipient();
    JournaledState state = frame.worldState();
    boolean warm = state.warmUp(address, key);
    Word original = state.originalStorage(address, key);
    Word current = state.storage(address, key);
    long cost = gasCalculator.sstoreCost(original, current, value) + (warm ? 0 : BerlinGasCalculator.COLD_SLOAD);
    if (!frame.useGas(cost)) {
      return INSUFFICIENT_GAS;
    }
    long refund = gasCalculator.sstoreRefund(original, current, value);
    if (refund != 0) {
      state.addRefund(refund);
    }
    if (!current.equals(value)) {
      state.setStorage(address, key, value);
    }
    stack.pop(2);
    return null;
  }
}
