package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.crypto.Keccak256;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** KECCAK256 (0x20): Keccak-256 of a memory range. */
public final class Keccak256Operation extends Operation {
  public Keccak256Operation(BerlinGasCalculator gasCalculator) {
    super(0x20, "KECCAK256", 2, 1, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long offset = stack.clampedLong(0);
    long length = stack.clampedLong(1);
    Memory memory = frame.memory();
    if (!frame.useGas(gasCalculator.keccak256Cost(length, gasCalculator.memoryExpansionCost(memory, offset, length)))) {
      return INSUFFICIENT_GAS;
    }
    memory.touch(offset, length);
    byte[] digest = Keccak256.digest(memory.raw(), length == 0 ? 0 : (int) offset, (int) length);
    stack.pop(1);
    Words.fromBytes(digest, 0, 32, stack.limbs(), stack.index(0));
    return null;
  }
}
