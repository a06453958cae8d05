package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** EXP (0x0a): base ** exponent mod 2^256; 50 gas per exponent byte. */
public final class ExpOperation extends Operation {
  public ExpOperation(BerlinGasCalculator gasCalculator) {
    super(0x0a, "EXP", 2, 1, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int base = stack.index(0);
    int exponent = stack.index(1);
    if (!frame.useGas(gasCalculator.expCost(Words.byteLength(w, exponent)))) {
      return INSUFFICIENT_GAS;
    }
    Words.exp(w, base, exponent, exponent);
    stack.pop(1);
    return null;
  }
}
