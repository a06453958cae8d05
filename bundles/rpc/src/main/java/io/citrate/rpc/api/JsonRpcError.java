package io.citrate.rpc.api;

/**
 * The error codes clients act on: JSON-RPC 2.0's own, and the EIP-1474 codes Ethereum clients use for what the
 * chain refuses.
 */
public enum JsonRpcError {
  PARSE_ERROR(-32700, "parse error"),
  INVALID_REQUEST(-32600, "invalid request"),
  METHOD_NOT_FOUND(-32601, "the method does not exist / is not available"),
  INVALID_PARAMS(-32602, "invalid argument"),
  INTERNAL_ERROR(-32603, "internal error"),
  /** EIP-1474 "invalid input": what geth answers for a transaction the pool refuses. */
  INVALID_INPUT(-32000, "invalid input"),
  RESOURCE_NOT_FOUND(-32001, "resource not found"),
  RESOURCE_UNAVAILABLE(-32002, "resource unavailable"),
  TRANSACTION_REJECTED(-32003, "transaction rejected"),
  METHOD_NOT_SUPPORTED(-32004, "method not supported"),
  LIMIT_EXCEEDED(-32005, "request limit exceeded"),
  /** A call or gas estimation that reverted; the revert data goes in the error's data. */
  EXECUTION_REVERTED(3, "execution reverted");

  private final int code;
  private final String message;

  JsonRpcError(int code, String message) {
    this.code = code;
    this.message = message;
  }

  public int code() {
    return code;
  }

  /** The default message, when the failure has nothing more specific to say. */
  public String message() {
    return message;
  }
}
