package io.citrate.vm.internal.state;

import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpReader;
import java.math.BigInteger;

/**
 * An account as the state trie stores it: {@code rlp([nonce, balance, storageRoot, codeHash])}.
 *
 * @param nonce unsigned 64-bit nonce
 * @param balance wei held
 * @param storageRoot root of the account's storage trie
 * @param codeHash Keccak-256 of its code
 */
public record Account(long nonce, Wei balance, Hash storageRoot, Hash codeHash) {
  /** EIP-161: no nonce, no balance, no code. Such an account is deleted once touched. */
  public boolean isEmpty() {
    return nonce == 0 && balance.isZero() && codeHash.equals(Hash.EMPTY);
  }

  public byte[] encode() {
    return Rlp.encodeList(
        Rlp.encodeBigInteger(new BigInteger(Long.toUnsignedString(nonce))),
        Rlp.encodeBigInteger(balance.toBigInteger()),
        Rlp.encodeBytes(storageRoot.unsafeBytes()),
        Rlp.encodeBytes(codeHash.unsafeBytes()));
  }

  public static Account decode(byte[] encoded) {
    RlpReader fields = RlpReader.of(encoded).enterList();
    long nonce = fields.readLong("nonce");
    Wei balance = Wei.of(fields.readBigInteger(32, "balance"));
    Hash storageRoot = Hash.wrap(fields.readBytes(Hash.SIZE, "storage root"));
    Hash codeHash = Hash.wrap(fields.readBytes(Hash.SIZE, "code hash"));
    fields.ensureEnd();
    return new Account(nonce, balance, storageRoot, codeHash);
  }
}
