package io.citrate.vm.internal.evm;

/** The halts the EVM itself defines. */
public enum DefaultExceptionalHaltReason implements ExceptionalHaltReason {
  INSUFFICIENT_GAS("out of gas"),
  INSUFFICIENT_STACK_ITEMS("stack underflow"),
  TOO_MANY_STACK_ITEMS("stack overflow"),
  INVALID_OPERATION("invalid opcode"),
  INVALID_JUMP_DESTINATION("jump to a byte that is not a JUMPDEST"),
  ILLEGAL_STATE_CHANGE("state change inside a static call"),
  INVALID_RETURN_DATA_BUFFER_ACCESS("read past the end of the return data"),
  CODE_TOO_LARGE("deployed code exceeds 24576 bytes (EIP-170)"),
  INVALID_CODE("deployed code starts with 0xEF (EIP-3541)"),
  INITCODE_TOO_LARGE("initcode exceeds 49152 bytes (EIP-3860)"),
  CONTRACT_ADDRESS_COLLISION("an account with code, nonce or storage already exists at the new address"),
  PRECOMPILE_ERROR("the precompile failed");

  private final String description;

  DefaultExceptionalHaltReason(String description) {
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }
}
