package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.rpc.api.JsonRpcException;
import java.math.BigInteger;

/**
 * Ethereum JSON-RPC's encodings: quantities as 0x-hex without leading zeros, data as 0x-hex bytes; parsing
 * refuses anything else with an invalid-params error naming the argument.
 */
final class Quantities {
  private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private Quantities() {}

  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }

  static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }

  /** Data: an even number of hex digits after 0x. */
  static byte[] data(String text, String what) throws JsonRpcException {
    if (!text.startsWith("0x") || text.length() % 2 != 0) {
      throw JsonRpcException.invalidParams(what + ": hex string without 0x prefix or of odd length");
    }
    try {
      return Bytes.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams(what + ": invalid hex string");
    }
  }

  static byte[] data(JsonNode value, String what) throws JsonRpcException {
    if (value == null || !value.isTextual()) {
      throw JsonRpcException.invalidParams(what + ": a 0x-prefixed hex string");
    }
    return data(value.asText(), what);
  }

  static Hash hash(JsonNode value, String what) throws JsonRpcException {
    byte[] bytes = data(value, what);
    if (bytes.length != Hash.SIZE) {
      throw JsonRpcException.invalidParams(what + ": 32 bytes, got " + bytes.length);
    }
    return Hash.wrap(bytes);
  }

  static Address address(JsonNode value, String what) throws JsonRpcException {
    byte[] bytes = data(value, what);
    if (bytes.length != Address.SIZE) {
      throw JsonRpcException.invalidParams(what + ": 20 bytes, got " + bytes.length);
    }
    return Address.wrap(bytes);
  }

  /** A quantity up to 2^256 - 1: 0x followed by hex digits without leading zeros (0x0 for zero). */
  static BigInteger bigQuantity(JsonNode value, String what) throws JsonRpcException {
    if (value == null || !value.isTextual()) {
      throw JsonRpcException.invalidParams(what + ": a 0x-prefixed hex quantity");
    }
    String text = value.asText();
    if (!text.startsWith("0x") || text.length() < 3 || text.length() > 66) {
      throw JsonRpcException.invalidParams(what + ": a 0x-prefixed hex quantity of at most 64 digits");
    }
    if (text.length() > 3 && text.charAt(2) == '0') {
      throw JsonRpcException.invalidParams(what + ": hex number with leading zero digits");
    }
    try {
      BigInteger number = new BigInteger(text.substring(2), 16);
      if (number.signum() < 0 || number.compareTo(MAX_UINT256) > 0) {
        throw JsonRpcException.invalidParams(what + ": out of range");
      }
      return number;
    } catch (NumberFormatException e) {
      throw JsonRpcException.invalidParams(what + ": invalid hex number");
    }
  }

  /** A quantity that fits a signed 64-bit number, as block numbers, gas and nonces do. */
  static long longQuantity(JsonNode value, String what) throws JsonRpcException {
    BigInteger number = bigQuantity(value, what);
    if (number.bitLength() > 63) {
      throw JsonRpcException.invalidParams(what + ": hex number > 64 bits");
    }
    return number.longValueExact();
  }

  /** A JSON boolean, such as the full-transactions flag of the block methods. */
  static boolean bool(JsonNode value, String what) throws JsonRpcException {
    if (value == null || !value.isBoolean()) {
      throw JsonRpcException.invalidParams(what + ": a boolean");
    }
    return value.asBoolean();
  }

  /** A position in a list, such as a transaction index; one beyond any list's size is as good as absent. */
  static int index(JsonNode value, String what) throws JsonRpcException {
    return (int) Math.min(longQuantity(value, what), Integer.MAX_VALUE);
  }
}
