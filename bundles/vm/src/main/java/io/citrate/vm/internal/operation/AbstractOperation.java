package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.gas.CancunGasCalculator;

/** Holds an operation's fixed facts and the fork's gas calculator. */
public abstract class AbstractOperation implements Operation {
  private final int opcode;
  private final String name;
  private final int stackItemsConsumed;
  private final int stackItemsProduced;
  protected final CancunGasCalculator gasCalculator;

  protected AbstractOperation(int opcode, String name, int stackItemsConsumed, int stackItemsProduced,
      CancunGasCalculator gasCalculator) {
    this.opcode = opcode;
    this.name = name;
    this.stackItemsConsumed = stackItemsConsumed;
    this.stackItemsProduced = stackItemsProduced;
    this.gasCalculator = gasCalculator;
  }

  @Override
  public final int opcode() {
    return opcode;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int stackItemsConsumed() {
    return stackItemsConsumed;
  }

  @Override
  public final int stackItemsProduced() {
    return stackItemsProduced;
  }

  @Override
  public String toString() {
    return name;
  }
}
