package io.citrate.core.api.vrf;

import java.security.SecureRandom;

/** A VRF secret key with its public key. */
public final class VrfKeyPair {
  private final VrfPrivateKey privateKey;

  private VrfKeyPair(VrfPrivateKey privateKey) {
    this.privateKey = privateKey;
  }

  public static VrfKeyPair of(VrfPrivateKey privateKey) {
    return new VrfKeyPair(privateKey);
  }

  /** A fresh key pair from a new {@link SecureRandom}. */
  public static VrfKeyPair generate() {
    return generate(new SecureRandom());
  }

  public static VrfKeyPair generate(SecureRandom random) {
    return new VrfKeyPair(VrfPrivateKey.random(random));
  }

  public VrfPrivateKey privateKey() {
    return privateKey;
  }

  public VrfPublicKey publicKey() {
    return privateKey.publicKey();
  }

  /** Same as {@link Ecvrf#prove(VrfPrivateKey, byte[])} with this pair's secret key. */
  public VrfProof prove(byte[] alpha) {
    return Ecvrf.prove(privateKey, alpha);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VrfKeyPair other && privateKey.equals(other.privateKey);
  }

  @Override
  public int hashCode() {
    return privateKey.hashCode();
  }

  @Override
  public String toString() {
    return "VrfKeyPair[" + publicKey() + "]";
  }
}
