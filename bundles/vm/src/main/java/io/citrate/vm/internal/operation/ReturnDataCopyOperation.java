package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INVALID_RETURN_DATA_BUFFER_ACCESS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** RETURNDATACOPY (0x3e): Copies the last call's output to memory; reading past its end halts (EIP-211). */
public final class ReturnDataCopyOperation extends AbstractCopyOperation {
  public ReturnDataCopyOperation(BerlinGasCalculator gasCalculator) {
    super(0x3e, "RETURNDATACOPY", 3, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason copy(MessageFrame frame, Memory memory, long destination, long source,
      long length) {
    byte[] returnData = frame.returnData();
    if (source > returnData.length || length > returnData.length - source) {
      return INVALID_RETURN_DATA_BUFFER_ACCESS;
    }
    memory.write(destination, returnData, source, length);
    return null;
  }
}
