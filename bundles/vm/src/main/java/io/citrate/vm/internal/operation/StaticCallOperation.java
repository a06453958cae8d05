package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.gas.CancunGasCalculator;

/** STATICCALL (0xfa): Calls an account that may not change state (EIP-214). */
public final class StaticCallOperation extends AbstractCallOperation {
  public StaticCallOperation(CancunGasCalculator gasCalculator) {
    super(0xfa, "STATICCALL", false, gasCalculator);
  }

  @Override
  protected boolean forcesStatic() {
    return true;
  }
}
