package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Bytes;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.vm.api.CallResult;
import io.citrate.vm.api.CallStatus;

/**
 * The errors a failed call answers with, as geth words them: a revert is code 3, "execution reverted" with the
 * reason of an {@code Error(string)} or {@code Panic(uint256)} payload appended, and the revert data as hex in
 * {@code data}, which ethers and viem decode; anything else is -32000 with the reason.
 */
final class CallFailures {
  private CallFailures() {}

  static JsonRpcException of(CallResult result) {
    if (result.status() == CallStatus.REVERTED) {
      return reverted(result.output());
    }
    return new JsonRpcException(JsonRpcError.INVALID_INPUT, result.failure());
  }

  static JsonRpcException reverted(byte[] revertData) {
    String message = JsonRpcError.EXECUTION_REVERTED.message()
        + RevertReasons.decode(revertData).map(reason -> ": " + reason).orElse("");
    return new JsonRpcException(JsonRpcError.EXECUTION_REVERTED, message, Bytes.toHex(revertData));
  }
}
