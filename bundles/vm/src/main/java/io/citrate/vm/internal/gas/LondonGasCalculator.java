package io.citrate.vm.internal.gas;

/**
 * London's costs: Berlin's, with EIP-3529's smaller refunds: 4800 for clearing a slot, none for SELFDESTRUCT, and at
 * most a fifth of the gas used. Paris changes no cost and uses this calculator too.
 */
public class LondonGasCalculator extends BerlinGasCalculator {
  @Override
  public long sstoreClearsRefund() {
    return 4_800;
  }

  @Override
  public long selfDestructRefund() {
    return 0;
  }

  @Override
  public long maxRefundQuotient() {
    return 5;
  }
}
