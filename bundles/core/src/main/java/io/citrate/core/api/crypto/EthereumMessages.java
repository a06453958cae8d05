package io.citrate.core.api.crypto;

import io.citrate.core.api.Hash;
import java.nio.charset.StandardCharsets;

/** Hashes of signed messages as wallets make them, so a message signature can never pass as a transaction. */
public final class EthereumMessages {
  private static final byte[] PERSONAL_PREFIX = "\u0019Ethereum Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

  private EthereumMessages() {}

  /**
   * The {@code personal_sign} hash (EIP-191 version 0x45): Keccak-256 of
   * {@code "\x19Ethereum Signed Message:\n" || decimal length || message}.
   */
  public static Hash hashPersonalMessage(byte[] message) {
    byte[] length = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
    return Keccak256.hash(PERSONAL_PREFIX, length, message);
  }
}
