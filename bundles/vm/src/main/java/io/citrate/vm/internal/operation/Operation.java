package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;

/**
 * One EVM instruction. The interpreter checks the stack against {@link #stackItemsConsumed} and
 * {@link #stackItemsProduced} before calling {@link #execute}, which charges its own gas and returns null to go on
 * or the reason to halt.
 */
public interface Operation {
  int opcode();

  String name();

  int stackItemsConsumed();

  int stackItemsProduced();

  ExceptionalHaltReason execute(MessageFrame frame);
}
