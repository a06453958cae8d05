package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.gas.CancunGasCalculator;

/** CALL (0xf1): Calls an account with value; value to a static frame is forbidden. */
public final class CallOperation extends AbstractCallOperation {
  public CallOperation(CancunGasCalculator gasCalculator) {
    super(0xf1, "CALL", true, gasCalculator);
  }

  @Override
  protected boolean transfersValue() {
    return true;
  }
}
