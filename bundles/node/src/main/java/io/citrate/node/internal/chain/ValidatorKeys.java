package io.citrate.node.internal.chain;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.vrf.InvalidVrfKeyException;
import io.citrate.core.api.vrf.VrfPrivateKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A validator's keys: the secp256k1 key that signs its blocks and names it, and the P-256 VRF key that proves
 * its slots. The VRF key is derived from the signing key, so an operator keeps one secret: the first
 * SHA-256("citrate/vrf-key" || signing key || counter), counter from 0, that is a valid P-256 scalar.
 */
public record ValidatorKeys(KeyPair signing, VrfPrivateKey vrf) {
  private static final byte[] DOMAIN = "citrate/vrf-key".getBytes(StandardCharsets.US_ASCII);

  public static ValidatorKeys fromSigningKey(PrivateKey signingKey) {
    return new ValidatorKeys(KeyPair.of(signingKey), deriveVrfKey(signingKey));
  }

  public Address address() {
    return signing.address();
  }

  static VrfPrivateKey deriveVrfKey(PrivateKey signingKey) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (int counter = 0; ; counter++) {
        byte[] candidate = sha256.digest(Bytes.concat(DOMAIN, signingKey.toBytes(), new byte[] {(byte) counter}));
        try {
          return VrfPrivateKey.fromBytes(candidate);
        } catch (InvalidVrfKeyException outOfRange) {
          // About one candidate in 2^32 is not below the P-256 order; the next counter decides.
        }
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
