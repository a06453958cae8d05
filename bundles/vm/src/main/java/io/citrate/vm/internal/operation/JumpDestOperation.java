package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** JUMPDEST (0x5b): Marks a valid jump destination. */
public final class JumpDestOperation extends AbstractFixedCostOperation {
  public JumpDestOperation(BerlinGasCalculator gasCalculator) {
    super(0x5b, "JUMPDEST", 0, 0, BerlinGasCalculator.JUMPDEST, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    return null;
  }
}
