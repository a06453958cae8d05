package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Bytes;
import io.citrate.rpc.api.JsonRpcException;
import java.math.BigInteger;

/** Ethereum JSON-RPC's encodings: quantities as 0x-hex without leading zeros, data as 0x-hex bytes. */
final class Quantities {
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
}
