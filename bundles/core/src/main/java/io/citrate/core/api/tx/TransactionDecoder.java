package io.citrate.core.api.tx;

import static io.citrate.core.api.tx.TransactionInvalidReason.FEE_OVERFLOW;
import static io.citrate.core.api.tx.TransactionInvalidReason.GAS_LIMIT_OVERFLOW;
import static io.citrate.core.api.tx.TransactionInvalidReason.INVALID_ACCESS_LIST;
import static io.citrate.core.api.tx.TransactionInvalidReason.INVALID_BLOB_VERSIONED_HASH;
import static io.citrate.core.api.tx.TransactionInvalidReason.INVALID_CHAIN_ID;
import static io.citrate.core.api.tx.TransactionInvalidReason.INVALID_SIGNATURE;
import static io.citrate.core.api.tx.TransactionInvalidReason.INVALID_TO;
import static io.citrate.core.api.tx.TransactionInvalidReason.INVALID_V;
import static io.citrate.core.api.tx.TransactionInvalidReason.MALFORMED_ENCODING;
import static io.citrate.core.api.tx.TransactionInvalidReason.NONCE_OVERFLOW;
import static io.citrate.core.api.tx.TransactionInvalidReason.UNSUPPORTED_TYPE;
import static io.citrate.core.api.tx.TransactionInvalidReason.VALUE_OVERFLOW;
import static io.citrate.core.api.tx.TransactionInvalidReason.WRONG_CHAIN_ID;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.InvalidSignatureException;
import io.citrate.core.api.crypto.Signature;
import io.citrate.core.api.rlp.RlpException;
import io.citrate.core.api.rlp.RlpReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes the canonical encoding of a transaction (a legacy RLP list, or an EIP-2718 type byte followed by
 * an RLP list) and applies the static validity rules of Cancun. Blob transactions are accepted in their
 * canonical form, as blocks carry them, not in the network form with the sidecar.
 *
 * <p>Every failure is an {@link InvalidTransactionException}; nothing else escapes, whatever the input.
 */
public final class TransactionDecoder {
  private static final BigInteger V_27 = BigInteger.valueOf(27);
  private static final BigInteger V_28 = BigInteger.valueOf(28);
  private static final BigInteger EIP155_V_OFFSET = BigInteger.valueOf(35);

  private TransactionDecoder() {}

  /**
   * Decodes and validates a transaction for any chain.
   *
   * @throws InvalidTransactionException if the bytes are not a valid transaction
   */
  public static Transaction decode(byte[] encoded) {
    if (encoded.length == 0) {
      throw new InvalidTransactionException(MALFORMED_ENCODING, "empty input");
    }
    int first = encoded[0] & 0xff;
    Transaction transaction;
    if (first >= 0xc0) {
      transaction = decodeFields(TransactionType.LEGACY, RlpReader.of(encoded));
    } else if (first >= 0x80) {
      throw new InvalidTransactionException(MALFORMED_ENCODING,
          "an RLP string is not a transaction; expected an RLP list or a type byte");
    } else {
      TransactionType type = TransactionType.ofTypeByte(first).orElseThrow(() ->
          new InvalidTransactionException(UNSUPPORTED_TYPE, String.format("type 0x%02x", first)));
      transaction = decodeFields(type, RlpReader.of(Arrays.copyOfRange(encoded, 1, encoded.length)));
    }
    // The strict reader admits one encoding per transaction; this guards the hash against any gap in it.
    if (!Arrays.equals(transaction.encoded(), encoded)) {
      throw new InvalidTransactionException(MALFORMED_ENCODING, "encoding is not canonical");
    }
    return transaction;
  }

  /**
   * Decodes and validates a transaction that must belong to chain {@code chainId}. Legacy transactions
   * without EIP-155 replay protection carry no chain id and are accepted, as on Ethereum.
   *
   * @throws InvalidTransactionException if the bytes are not a valid transaction or it is for another chain
   */
  public static Transaction decode(byte[] encoded, long chainId) {
    Transaction transaction = decode(encoded);
    BigInteger expected = BigInteger.valueOf(chainId);
    transaction.chainId().ifPresent(actual -> {
      if (!actual.equals(expected)) {
        throw new InvalidTransactionException(WRONG_CHAIN_ID, "chain id " + actual + ", expected " + expected);
      }
    });
    return transaction;
  }

  private static Transaction decodeFields(TransactionType type, RlpReader outer) {
    FieldReader fields = new FieldReader(type, outer);
    Transaction.Builder builder = Transaction.builder(type);
    if (type != TransactionType.LEGACY) {
      builder.chainId(fields.integer("chainId", 256, INVALID_CHAIN_ID));
    }
    builder.nonce(fields.integer("nonce", 64, NONCE_OVERFLOW).longValue());
    if (type == TransactionType.LEGACY || type == TransactionType.ACCESS_LIST) {
      builder.gasPrice(fields.wei("gasPrice", FEE_OVERFLOW));
    } else {
      builder.maxPriorityFeePerGas(fields.wei("maxPriorityFeePerGas", FEE_OVERFLOW));
      builder.maxFeePerGas(fields.wei("maxFeePerGas", FEE_OVERFLOW));
    }
    builder.gasLimit(fields.integer("gasLimit", 64, GAS_LIMIT_OVERFLOW).longValue());
    builder.to(fields.recipient());
    builder.value(fields.wei("value", VALUE_OVERFLOW));
    builder.data(fields.bytes("data"));
    if (type != TransactionType.LEGACY) {
      builder.accessList(fields.accessList());
    }
    if (type == TransactionType.BLOB) {
      builder.maxFeePerBlobGas(fields.wei("maxFeePerBlobGas", FEE_OVERFLOW));
      builder.blobVersionedHashes(fields.blobVersionedHashes());
    }
    BigInteger v = fields.integer("v", 256, INVALID_V);
    BigInteger r = fields.integer("r", 256, INVALID_SIGNATURE);
    BigInteger s = fields.integer("s", 256, INVALID_SIGNATURE);
    fields.end();
    int recoveryId;
    if (type != TransactionType.LEGACY) {
      if (v.compareTo(BigInteger.ONE) > 0) {
        throw new InvalidTransactionException(INVALID_V, "y parity must be 0 or 1, got " + v);
      }
      recoveryId = v.intValue();
    } else if (v.equals(V_27) || v.equals(V_28)) {
      recoveryId = v.intValue() - 27;
    } else {
      BigInteger offset = v.subtract(EIP155_V_OFFSET);
      if (offset.signum() < 0) {
        throw new InvalidTransactionException(INVALID_V, "v = " + v + " is neither 27/28 nor chainId * 2 + 35/36");
      }
      builder.chainId(offset.shiftRight(1));
      recoveryId = offset.testBit(0) ? 1 : 0;
    }
    try {
      builder.signature(Signature.create(r, s, recoveryId));
    } catch (InvalidSignatureException e) {
      throw new InvalidTransactionException(INVALID_SIGNATURE, e.getMessage());
    }
    return builder.build();
  }

  /** Reads the fields of one transaction list in order, naming the field in every error. */
  private static final class FieldReader {
    private final TransactionType type;
    private final RlpReader outer;
    private final RlpReader fields;

    FieldReader(TransactionType type, RlpReader outer) {
      this.type = type;
      this.outer = outer;
      try {
        this.fields = outer.enterList();
      } catch (RlpException e) {
        throw new InvalidTransactionException(MALFORMED_ENCODING, e.getMessage());
      }
    }

    byte[] bytes(String field) {
      return bytes(fields, field);
    }

    private byte[] bytes(RlpReader reader, String field) {
      if (!reader.hasNext()) {
        throw new InvalidTransactionException(MALFORMED_ENCODING, type + " transaction is missing " + field);
      }
      try {
        return reader.readBytes();
      } catch (RlpException e) {
        throw new InvalidTransactionException(MALFORMED_ENCODING, field + ": " + e.getMessage());
      }
    }

    private RlpReader list(RlpReader reader, String field) {
      if (!reader.hasNext()) {
        throw new InvalidTransactionException(MALFORMED_ENCODING, type + " transaction is missing " + field);
      }
      try {
        return reader.enterList();
      } catch (RlpException e) {
        throw new InvalidTransactionException(MALFORMED_ENCODING, field + ": " + e.getMessage());
      }
    }

    /** An unsigned integer without leading zeros, at most {@code maxBits} wide. */
    BigInteger integer(String field, int maxBits, TransactionInvalidReason tooLarge) {
      byte[] raw = bytes(field);
      if (raw.length > 0 && raw[0] == 0) {
        throw new InvalidTransactionException(MALFORMED_ENCODING, field + " has leading zero bytes");
      }
      if (raw.length * 8 > maxBits) {
        throw new InvalidTransactionException(tooLarge, field + " exceeds " + maxBits + " bits");
      }
      return new BigInteger(1, raw);
    }

    Wei wei(String field, TransactionInvalidReason tooLarge) {
      return Wei.of(integer(field, 256, tooLarge));
    }

    Address recipient() {
      byte[] raw = bytes("to");
      if (raw.length == 0) {
        return null;
      }
      if (raw.length != Address.SIZE) {
        throw new InvalidTransactionException(INVALID_TO, "'to' is " + raw.length + " bytes");
      }
      return Address.wrapUnsafe(raw);
    }

    List<AccessListEntry> accessList() {
      RlpReader entries = list(fields, "accessList");
      List<AccessListEntry> result = new ArrayList<>();
      while (entries.hasNext()) {
        RlpReader entry = list(entries, "access list entry");
        byte[] address = bytes(entry, "access list address");
        if (address.length != Address.SIZE) {
          throw new InvalidTransactionException(INVALID_ACCESS_LIST, "address of " + address.length + " bytes");
        }
        RlpReader keys = list(entry, "access list storage keys");
        List<Hash> storageKeys = new ArrayList<>();
        while (keys.hasNext()) {
          byte[] key = bytes(keys, "access list storage key");
          if (key.length != Hash.SIZE) {
            throw new InvalidTransactionException(INVALID_ACCESS_LIST, "storage key of " + key.length + " bytes");
          }
          storageKeys.add(Hash.wrapUnsafe(key));
        }
        if (entry.hasNext()) {
          throw new InvalidTransactionException(INVALID_ACCESS_LIST, "an entry has more than two items");
        }
        result.add(new AccessListEntry(Address.wrapUnsafe(address), storageKeys));
      }
      return result;
    }

    List<Hash> blobVersionedHashes() {
      RlpReader hashes = list(fields, "blobVersionedHashes");
      List<Hash> result = new ArrayList<>();
      while (hashes.hasNext()) {
        byte[] hash = bytes(hashes, "blob versioned hash");
        if (hash.length != Hash.SIZE) {
          throw new InvalidTransactionException(INVALID_BLOB_VERSIONED_HASH, "hash of " + hash.length + " bytes");
        }
        result.add(Hash.wrapUnsafe(hash));
      }
      return result;
    }

    void end() {
      if (fields.hasNext()) {
        throw new InvalidTransactionException(MALFORMED_ENCODING, type + " transaction has too many fields");
      }
      if (outer.hasNext()) {
        throw new InvalidTransactionException(MALFORMED_ENCODING, "trailing bytes after the transaction");
      }
    }
  }
}
