package io.citrate.vm.api;

/** How a {@link CallMessage} ended. */
public enum CallStatus {
  /** The top frame completed; its output is the return data. */
  SUCCESS,
  /** The top frame reverted; its output is the revert data, its state changes are undone. */
  REVERTED,
  /** The top frame ran out of gas, or creation could not pay for its code: more gas may help. */
  OUT_OF_GAS,
  /** The top frame halted for another reason (invalid opcode, bad jump, stack, static write...). */
  HALTED,
  /** The gas limit does not cover the intrinsic gas: nothing ran, and more gas helps. */
  INTRINSIC_GAS_TOO_LOW,
  /** The message cannot run on this state and block (funds, fee caps, initcode size); nothing ran. */
  REJECTED;

  /** Whether the same message with a higher gas limit might succeed. */
  public boolean needsMoreGas() {
    return this == OUT_OF_GAS || this == INTRINSIC_GAS_TOO_LOW;
  }
}
