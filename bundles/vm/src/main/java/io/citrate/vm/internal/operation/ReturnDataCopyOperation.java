package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INVALID_RETURN_DATA_BUFFER_ACCESS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.gas.CancunGasCalculator;

/** RETURNDATACOPY (0x3e): Copies the last call's output to memory; reading past its end halts (EIP-211). */
public final class ReturnDataCopyOperation extends AbstractOperation {
  public ReturnDataCopyOperation(CancunGasCalculator gasCalculator) {
    super(0x3e, "RETURNDATACOPY", 3, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long destination = stack.clampedLong(0);
    long sourceOffset = stack.clampedLong(1);
    long length = stack.clampedLong(2);
    Memory memory = frame.memory();
    long expansion = gasCalculator.memoryExpansionCost(memory, destination, length);
    if (!frame.useGas(gasCalculator.copyCost(CancunGasCalculator.VERY_LOW_TIER, length, expansion))) {
      return INSUFFICIENT_GAS;
    }
    byte[] returnData = frame.returnData();
    if (sourceOffset > returnData.length || length > returnData.length - sourceOffset) {
      return INVALID_RETURN_DATA_BUFFER_ACCESS;
    }
    memory.write(destination, returnData, sourceOffset, length);
    stack.pop(3);
    return null;
  }
}
