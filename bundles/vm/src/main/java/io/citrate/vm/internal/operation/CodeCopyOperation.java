package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CODECOPY (0x39): Copies the running code to memory, zero-padded. */
public final class CodeCopyOperation extends AbstractCopyOperation {
  public CodeCopyOperation(BerlinGasCalculator gasCalculator) {
    super(0x39, "CODECOPY", 3, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason copy(MessageFrame frame, Memory memory, long destination, long source,
      long length) {
    memory.write(destination, frame.code().bytes(), source, length);
    return null;
  }
}
