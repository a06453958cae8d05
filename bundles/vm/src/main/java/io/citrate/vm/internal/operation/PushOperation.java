package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** PUSH1-PUSH32 (0x60-0x7f): pushes the next n code bytes, zero-padded past the end of the code. */
public final class PushOperation extends AbstractFixedCostOperation {
  public static final int PUSH1 = 0x60;

  private final int length;

  public PushOperation(int length, BerlinGasCalculator gasCalculator) {
    super(PUSH1 + length - 1, "PUSH" + length, 0, 1, BerlinGasCalculator.VERY_LOW_TIER, gasCalculator);
    this.length = length;
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    int start = frame.pc() + 1;
    var stack = frame.stack();
    int index = stack.push();
    byte[] code = frame.code().bytes();
    if (length <= 8 && start + length <= code.length) {
      long value = 0;
      for (int i = start; i < start + length; i++) {
        value = (value << 8) | (code[i] & 0xffL);
      }
      Words.setLong(stack.limbs(), index, value);
    } else {
      // Bytes past the end of the code read as zero, shifted in as trailing zero bytes.
      Words.fromBytes(code, start, length, stack.limbs(), index);
    }
    frame.setNextPc(start + length);
    return null;
  }
}
