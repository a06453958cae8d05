package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/**
 * One EVM instruction: its opcode, stack arity and the fork's gas calculator. The interpreter checks the stack
 * against {@link #stackItemsConsumed} and {@link #stackItemsProduced} before calling {@link #execute}, which charges
 * its own gas and returns null to go on or the reason to halt. An abstract class rather than an interface: the
 * interpreter dispatches through a class table, which the JIT serves faster than an interface across ~80 classes.
 */
public abstract class Operation {
  private final int opcode;
  private final String name;
  private final int stackItemsConsumed;
  private final int stackItemsProduced;
  protected final BerlinGasCalculator gasCalculator;

  protected Operation(int opcode, String name, int stackItemsConsumed, int stackItemsProduced,
      BerlinGasCalculator gasCalculator) {
    this.opcode = opcode;
    this.name = name;
    this.stackItemsConsumed = stackItemsConsumed;
    this.stackItemsProduced = stackItemsProduced;
    this.gasCalculator = gasCalculator;
  }

  public final int opcode() {
    return opcode;
  }

  public final String name() {
    return name;
  }

  public final int stackItemsConsumed() {
    return stackItemsConsumed;
  }

  public final int stackItemsProduced() {
    return stackItemsProduced;
  }

  public abstract ExceptionalHaltReason execute(MessageFrame frame);

  @Override
  public String toString() {
    return name;
  }
}
