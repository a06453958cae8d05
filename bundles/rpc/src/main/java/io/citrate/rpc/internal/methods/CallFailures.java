package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Bytes;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.vm.api.CallResult;
import io.citrate.vm.api.CallStatus;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The errors a failed call answers with, as geth words them: a revert is code 3, "execution reverted" with the
 * reason of an {@code Error(string)} payload appended, and the revert data as hex in {@code data}, which
 * ethers and viem decode; anything else is -32000 with the reason.
 */
final class CallFailures {
  /** The selector of Solidity's {@code Error(string)}: the first four bytes of keccak256("Error(string)"). */
  private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
  private static final int WORD = 32;

  private CallFailures() {}

  static JsonRpcException of(CallResult result) {
    if (result.status() == CallStatus.REVERTED) {
      return reverted(result.output());
    }
    return new JsonRpcException(JsonRpcError.INVALID_INPUT, result.failure());
  }

  static JsonRpcException reverted(byte[] revertData) {
    String message = JsonRpcError.EXECUTION_REVERTED.message()
        + errorReason(revertData).map(reason -> ": " + reason).orElse("");
    return new JsonRpcException(JsonRpcError.EXECUTION_REVERTED, message, Bytes.toHex(revertData));
  }

  /** The string of an ABI-encoded {@code Error(string)}; empty for any other or a malformed payload. */
  static Optional<String> errorReason(byte[] data) {
    if (data.length < 4 + 2 * WORD || !Arrays.equals(Arrays.copyOf(data, 4), ERROR_SELECTOR)) {
      return Optional.empty();
    }
    BigInteger offset = word(data, 4);
    if (offset.compareTo(BigInteger.valueOf(data.length)) > 0) {
      return Optional.empty();
    }
    int lengthAt = 4 + offset.intValue();
    if (lengthAt + WORD > data.length) {
      return Optional.empty();
    }
    BigInteger length = word(data, lengthAt);
    int start = lengthAt + WORD;
    if (length.compareTo(BigInteger.valueOf(data.length - start)) > 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data, start, length.intValue()))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static BigInteger word(byte[] data, int at) {
    return new BigInteger(1, Arrays.copyOfRange(data, at, at + WORD));
  }
}
