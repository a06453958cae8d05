package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** STATICCALL (0xfa): Calls an account that may not change state (EIP-214). */
public final class StaticCallOperation extends AbstractCallOperation {
  public StaticCallOperation(BerlinGasCalculator gasCalculator) {
    super(0xfa, "STATICCALL", false, gasCalculator);
  }

  @Override
  protected boolean forcesStatic() {
    return true;
  }
}
