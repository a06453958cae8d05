package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CALL (0xf1): Calls an account with value; value to a static frame is forbidden. */
public final class CallOperation extends AbstractCallOperation {
  public CallOperation(BerlinGasCalculator gasCalculator) {
    super(0xf1, "CALL", true, gasCalculator);
  }

  @Override
  protected boolean transfersValue() {
    return true;
  }
}
