package io.citrate.core.api.crypto;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import java.security.SecureRandom;

/** A private key with its public key and address, derived once. */
public final class KeyPair {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final Address address;

  private KeyPair(PrivateKey privateKey) {
    this.privateKey = privateKey;
    this.publicKey = privateKey.publicKey();
    this.address = publicKey.toAddress();
  }

  public static KeyPair of(PrivateKey privateKey) {
    return new KeyPair(privateKey);
  }

  /** A fresh key pair from a new {@link SecureRandom}. */
  public static KeyPair generate() {
    return generate(new SecureRandom());
  }

  public static KeyPair generate(SecureRandom random) {
    return new KeyPair(PrivateKey.random(random));
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public Address address() {
    return address;
  }

  /** Signs a 32-byte message hash; same as {@link Secp256k1#sign(Hash, PrivateKey)}. */
  public Signature sign(Hash messageHash) {
    return Secp256k1.sign(messageHash, privateKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyPair other && privateKey.equals(other.privateKey);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "KeyPair[" + address + "]";
  }
}
