package io.citrate.vm.internal.evm;

import io.citrate.core.api.Address;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.rlp.Rlp;
import java.math.BigInteger;

/** Where new contracts live. */
public final class ContractAddresses {
  private static final byte[] CREATE2_PREFIX = {(byte) 0xff};

  private ContractAddresses() {}

  /** CREATE and creating transactions: keccak256(rlp([creator, nonce]))[12:]. */
  public static Address create(Address creator, long nonce) {
    byte[] encoded = Rlp.encodeList(Rlp.encodeBytes(creator.unsafeBytes()),
        Rlp.encodeBigInteger(new BigInteger(Long.toUnsignedString(nonce))));
    return Address.fromHashTail(Keccak256.hash(encoded));
  }

  /** CREATE2: keccak256(0xff ++ creator ++ salt ++ keccak256(initcode))[12:] (EIP-1014). */
  public static Address create2(Address creator, byte[] salt, byte[] initcode) {
    return Address.fromHashTail(Keccak256.hash(CREATE2_PREFIX, creator.unsafeBytes(), salt,
        Keccak256.hash(initcode).unsafeBytes()));
  }
}
