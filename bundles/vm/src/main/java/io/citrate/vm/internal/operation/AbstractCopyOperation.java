package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/**
 * The copies into memory: CALLDATACOPY, CODECOPY, EXTCODECOPY, RETURNDATACOPY and MCOPY. The last three stack items
 * are destination, source offset and length; each charges a base cost, 3 per copied word and the memory expansion,
 * then copies. A subclass states its base cost, where it reads from and, for MCOPY, the expansion.
 */
public abstract class AbstractCopyOperation extends Operation {
  /** Stack index of the destination: items above it (EXTCODECOPY's address) are the subclass's own. */
  private final int destinationIndex;

  protected AbstractCopyOperation(int opcode, String name, int stackItemsConsumed,
      BerlinGasCalculator gasCalculator) {
    super(opcode, name, stackItemsConsumed, 0, gasCalculator);
    this.destinationIndex = stackItemsConsumed - 3;
  }

  @Override
  public final ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long destination = stack.clampedLong(destinationIndex);
    long source = stack.clampedLong(destinationIndex + 1);
    long length = stack.clampedLong(destinationIndex + 2);
    Memory memory = frame.memory();
    long expansion = expansionCost(memory, destination, source, length);
    if (!frame.useGas(gasCalculator.copyCost(baseCost(frame), length, expansion))) {
      return INSUFFICIENT_GAS;
    }
    ExceptionalHaltReason halt = copy(frame, memory, destination, source, length);
    if (halt == null) {
      stack.pop(stackItemsConsumed());
    }
    return halt;
  }

  /** The cost before words and expansion; charged after the expansion is computed. */
  protected long baseCost(MessageFrame frame) {
    return BerlinGasCalculator.VERY_LOW_TIER;
  }

  /** Growing memory to cover the destination range. */
  protected long expansionCost(Memory memory, long destination, long source, long length) {
    return gasCalculator.memoryExpansionCost(memory, destination, length);
  }

  /** The copy once paid for; null to go on, or the reason to halt. */
  protected abstract ExceptionalHaltReason copy(MessageFrame frame, Memory memory, long destination, long source,
      long length);
}
