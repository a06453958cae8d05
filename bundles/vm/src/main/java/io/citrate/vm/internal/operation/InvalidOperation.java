package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INVALID_OPERATION;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** INVALID (0xfe) and every unassigned opcode: halts, consuming all gas. */
public final class InvalidOperation extends Operation {
  public static final int INVALID = 0xfe;

  public InvalidOperation(int opcode, BerlinGasCalculator gasCalculator) {
    super(opcode, opcode == INVALID ? "INVALID" : String.format("UNDEFINED_0x%02x", opcode), 0, 0, gasCalculator);
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    return INVALID_OPERATION;
  }
}
