package io.citrate.rpc.internal.methods;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Reads why a frame reverted from its revert data, as geth's {@code abi.UnpackRevert} does: Solidity's
 * {@code Error(string)} gives its message, {@code Panic(uint256)} (exactly one word) the meaning of its code;
 * anything else, or data that does not decode, gives nothing. Calls and traces share it.
 */
final class RevertReasons {
  private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
  private static final byte[] PANIC_SELECTOR = {0x4e, 0x48, 0x7b, 0x71};
  private static final int SELECTOR = 4;
  private static final int WORD = 32;
  private static final Map<Integer, String> PANICS = Map.of(
      0x00, "generic panic",
      0x01, "assert(false)",
      0x11, "arithmetic underflow or overflow",
      0x12, "division or modulo by zero",
      0x21, "enum overflow",
      0x22, "invalid encoded storage byte array accessed",
      0x31, "out-of-bounds array access; popping on an empty array",
      0x32, "out-of-bounds access of an array or bytesN",
      0x41, "out of memory",
      0x51, "uninitialized function");

  private RevertReasons() {}

  static Optional<String> decode(byte[] data) {
    if (data.length < SELECTOR) {
      return Optional.empty();
    }
    byte[] selector = Arrays.copyOf(data, SELECTOR);
    if (Arrays.equals(selector, ERROR_SELECTOR)) {
      return errorMessage(data);
    }
    if (Arrays.equals(selector, PANIC_SELECTOR) && data.length == SELECTOR + WORD) {
      BigInteger code = word(data, SELECTOR);
      String meaning = code.bitLength() < 31 ? PANICS.get(code.intValue()) : null;
      return Optional.of(meaning != null ? meaning : "unknown panic code: 0x" + code.toString(16));
    }
    return Optional.empty();
  }

  /** The string of an ABI-encoded {@code Error(string)}: an offset to a length followed by UTF-8 bytes. */
  private static Optional<String> errorMessage(byte[] data) {
    if (data.length < SELECTOR + WORD) {
      return Optional.empty();
    }
    BigInteger offset = word(data, SELECTOR);
    if (offset.compareTo(BigInteger.valueOf(data.length)) > 0) {
      return Optional.empty();
    }
    int lengthAt = SELECTOR + offset.intValue();
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
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data, start, length.intValue())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static BigInteger word(byte[] data, int at) {
    return new BigInteger(1, Arrays.copyOfRange(data, at, at + WORD));
  }
}
