package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** An operation whose cost never varies: charged here, before the operation's own work. */
public abstract class AbstractFixedCostOperation extends Operation {
  private final long gasCost;

  protected AbstractFixedCostOperation(int opcode, String name, int stackItemsConsumed, int stackItemsProduced,
      long gasCost, BerlinGasCalculator gasCalculator) {
    super(opcode, name, stackItemsConsumed, stackItemsProduced, gasCalculator);
    this.gasCost = gasCost;
  }

  @Override
  public final ExceptionalHaltReason execute(MessageFrame frame) {
    if (!frame.useGas(gasCost)) {
      return INSUFFICIENT_GAS;
    }
    return executeFixedCostOperation(frame);
  }

  /** The operation's work once paid for; null to go on, or the reason to halt. */
  protected abstract ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame);
}
