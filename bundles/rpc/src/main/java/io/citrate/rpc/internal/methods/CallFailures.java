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
import java.util.Map;
import java.util.Optional;

/**
 * The errors a failed call answers with, as geth words them: a revert is code 3, "execution reverted" with the
 * reason of an {@code Error(string)} or {@code Panic(uint256)} payload appended, and the revert data as hex in
 * {@code data}, which ethers and viem decode; anything else is -32000 with the reason.
 */
final class CallFailures {
  /** The selector of Solidity's {@code Error(string)}: the first four bytes of keccak256("Error(string)"). */
  private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
  /** The selector of Solidity's {@code Panic(uint256)}, which failed asserts and checked arithmetic revert with. */
  private static final byte[] PANIC_SELECTOR = {0x4e, 0x48, 0x7b, 0x71};
  /** Solidity's panic codes, worded as geth words them. */
  private static final Map<BigInteger, String> PANIC_REASONS = Map.of(
      BigInteger.valueOf(0x00), "generic panic",
      BigInteger.valueOf(0x01), "assert(false)",
      BigInteger.valueOf(0x11), "arithmetic underflow or overflow",
      BigInteger.valueOf(0x12), "division or modulo by zero",
      BigInteger.valueOf(0x21), "enum overflow",
      BigInteger.valueOf(0x22), "invalid encoded storage byte array accessed",
      BigInteger.valueOf(0x31), "out-of-bounds array access; popping on an empty array",
      BigInteger.valueOf(0x32), "out-of-bounds access of an array or bytesN",
      BigInteger.valueOf(0x41), "out of memory",
      BigInteger.valueOf(0x51), "uninitialized function");
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
        + errorReason(revertData).or(() -> panicReason(revertData)).map(reason -> ": " + reason).orElse("");
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

  /** What an ABI-encoded {@code Panic(uint256)} says; empty for any other payload. */
  static Optional<String> panicReason(byte[] data) {
    if (data.length != 4 + WORD || !Arrays.equals(Arrays.copyOf(data, 4), PANIC_SELECTOR)) {
      return Optional.empty();
    }
    BigInteger code = word(data, 4);
    return Optional.of(PANIC_REASONS.getOrDefault(code, "unknown panic code: 0x" + code.toString(16)));
  }

  private static BigInteger word(byte[] data, int at) {
    return new BigInteger(1, Arrays.copyOfRange(data, at, at + WORD));
  }
}
