package io.citrate.vm.api;

/** How a frame was entered: the transaction's own frame is a CALL or a CREATE, the others name their opcode. */
public enum CallType {
  CALL,
  CALLCODE,
  DELEGATECALL,
  STATICCALL,
  CREATE,
  CREATE2;

  /** Whether the frame deploys a contract. */
  public boolean isCreation() {
    return this == CREATE || this == CREATE2;
  }
}
