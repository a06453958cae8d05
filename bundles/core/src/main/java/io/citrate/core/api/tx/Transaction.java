package io.citrate.core.api.tx;

import static io.citrate.core.api.tx.TransactionInvalidReason.BLOB_TRANSACTION_WITHOUT_BLOBS;
import static io.citrate.core.api.tx.TransactionInvalidReason.BLOB_TRANSACTION_WITHOUT_RECIPIENT;
import static io.citrate.core.api.tx.TransactionInvalidReason.FIELDS_INCONSISTENT_WITH_TYPE;
import static io.citrate.core.api.tx.TransactionInvalidReason.GAS_LIMIT_PRICE_PRODUCT_OVERFLOW;
import static io.citrate.core.api.tx.TransactionInvalidReason.INITCODE_TOO_LARGE;
import static io.citrate.core.api.tx.TransactionInvalidReason.INTRINSIC_GAS_TOO_LOW;
import static io.citrate.core.api.tx.TransactionInvalidReason.INVALID_BLOB_VERSIONED_HASH;
import static io.citrate.core.api.tx.TransactionInvalidReason.INVALID_CHAIN_ID;
import static io.citrate.core.api.tx.TransactionInvalidReason.INVALID_SIGNATURE;
import static io.citrate.core.api.tx.TransactionInvalidReason.NONCE_OVERFLOW;
import static io.citrate.core.api.tx.TransactionInvalidReason.PRIORITY_FEE_ABOVE_MAX_FEE;
import static io.citrate.core.api.tx.TransactionInvalidReason.SENDER_NOT_RECOVERABLE;
import static io.citrate.core.api.tx.TransactionInvalidReason.TOO_MANY_BLOBS;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.InvalidSignatureException;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.crypto.Secp256k1;
import io.citrate.core.api.crypto.Signature;
import io.citrate.core.api.rlp.Rlp;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed Ethereum transaction of any supported {@link TransactionType}. Immutable. Every instance has
 * passed the static validity rules (the same ones {@link TransactionDecoder} applies) and has a recovered
 * sender, so holders never meet a half-valid transaction.
 *
 * <p>{@link #nonce()} and {@link #gasLimit()} are unsigned 64-bit values held in a {@code long}; compare
 * them with {@link Long#compareUnsigned}.
 */
public final class Transaction {
  public static final long TX_GAS = 21_000;
  public static final long TX_CREATE_GAS = 53_000;
  public static final long TX_DATA_ZERO_GAS = 4;
  /** Per non-zero calldata byte since EIP-2028. */
  public static final long TX_DATA_NON_ZERO_GAS = 16;
  public static final long ACCESS_LIST_ADDRESS_GAS = 2_400;
  public static final long ACCESS_LIST_STORAGE_KEY_GAS = 1_900;
  /** Per 32-byte word of initcode (EIP-3860). */
  public static final long INITCODE_WORD_GAS = 2;
  /** EIP-3860: twice the EIP-170 code size limit. */
  public static final int MAX_INITCODE_SIZE = 49_152;
  /** Blob gas each blob consumes (EIP-4844). */
  public static final long GAS_PER_BLOB = 131_072;
  /** Cancun's blob gas limit per block over {@link #GAS_PER_BLOB}: no transaction can carry more blobs. */
  public static final int MAX_BLOBS_PER_TRANSACTION = 6;
  /** Version byte of a KZG blob commitment hash (EIP-4844). */
  public static final int VERSIONED_HASH_VERSION_KZG = 0x01;

  private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final BigInteger LEGACY_V_BASE = BigInteger.valueOf(27);
  private static final BigInteger EIP155_V_OFFSET = BigInteger.valueOf(35);

  private final Body body;
  private final Signature signature;
  private final long intrinsicGas;
  private final Hash signingHash;
  private final byte[] encoded;
  private final Hash hash;
  private final Address sender;

  private Transaction(Body body, long intrinsicGas, Hash signingHash, Signature signature, Address knownSender) {
    this.body = body;
    this.signature = signature;
    this.intrinsicGas = intrinsicGas;
    this.signingHash = signingHash;
    this.encoded = body.encodeSigned(signature);
    this.hash = Keccak256.hash(encoded);
    this.sender = knownSender != null ? knownSender : recoverSender(signingHash, signature);
  }

  public static Builder builder(TransactionType type) {
    return new Builder(type);
  }

  private static Address recoverSender(Hash signingHash, Signature signature) {
    try {
      return Secp256k1.recoverAddress(signingHash, signature);
    } catch (InvalidSignatureException e) {
      throw new InvalidTransactionException(SENDER_NOT_RECOVERABLE, e.getMessage());
    }
  }

  public TransactionType type() {
    return body.type;
  }

  /** The chain id; empty only for a legacy transaction signed without EIP-155 replay protection. */
  public Optional<BigInteger> chainId() {
    return Optional.ofNullable(body.chainId);
  }

  /** Unsigned 64-bit nonce. */
  public long nonce() {
    return body.nonce;
  }

  /** The gas price of legacy and access list transactions; empty for fee-market types. */
  public Optional<Wei> gasPrice() {
    return Optional.ofNullable(body.gasPrice);
  }

  /** EIP-1559 priority fee cap; empty for legacy and access list transactions. */
  public Optional<Wei> maxPriorityFeePerGas() {
    return Optional.ofNullable(body.maxPriorityFeePerGas);
  }

  /** EIP-1559 fee cap; empty for legacy and access list transactions. */
  public Optional<Wei> maxFeePerGas() {
    return Optional.ofNullable(body.maxFeePerGas);
  }

  /** The most this transaction pays per gas: the gas price, or the EIP-1559 fee cap. */
  public Wei gasFeeCap() {
    return body.gasFeeCap();
  }

  /** The most it offers the block producer per gas: the gas price, or the EIP-1559 priority fee cap. */
  public Wei gasTipCap() {
    return body.maxPriorityFeePerGas != null ? body.maxPriorityFeePerGas : body.gasPrice;
  }

  /**
   * The price per gas actually paid under {@code baseFee}: the gas price for legacy and access list
   * transactions, otherwise min(fee cap, base fee + priority fee cap).
   *
   * @throws IllegalArgumentException if the fee cap is below {@code baseFee}, so the transaction cannot be included
   */
  public Wei effectiveGasPrice(Wei baseFee) {
    Wei feeCap = gasFeeCap();
    if (feeCap.lessThan(baseFee)) {
      throw new IllegalArgumentException("fee cap " + feeCap + " is below the base fee " + baseFee);
    }
    if (body.gasPrice != null) {
      return body.gasPrice;
    }
    BigInteger withTip = baseFee.toBigInteger().add(body.maxPriorityFeePerGas.toBigInteger());
    return withTip.compareTo(feeCap.toBigInteger()) >= 0 ? feeCap : Wei.of(withTip);
  }

  /** Unsigned 64-bit gas limit. */
  public long gasLimit() {
    return body.gasLimit;
  }

  /** The recipient; empty for a contract creation. */
  public Optional<Address> to() {
    return Optional.ofNullable(body.to);
  }

  public boolean isContractCreation() {
    return body.to == null;
  }

  public Wei value() {
    return body.value;
  }

  /** Calldata, or initcode for a creation. */
  public byte[] data() {
    return body.data.clone();
  }

  public int dataSize() {
    return body.data.length;
  }

  public List<AccessListEntry> accessList() {
    return body.accessList;
  }

  /** EIP-4844 blob fee cap; present only for blob transactions. */
  public Optional<Wei> maxFeePerBlobGas() {
    return Optional.ofNullable(body.maxFeePerBlobGas);
  }

  /** EIP-4844 versioned blob hashes; empty unless this is a blob transaction. */
  public List<Hash> blobVersionedHashes() {
    return body.blobVersionedHashes;
  }

  /** Blob gas this transaction consumes: {@link #GAS_PER_BLOB} per versioned hash. */
  public long blobGas() {
    return GAS_PER_BLOB * body.blobVersionedHashes.size();
  }

  public Signature signature() {
    return signature;
  }

  /** v as it appears on the wire: 27/28, chainId * 2 + 35/36 (EIP-155), or the y parity for typed transactions. */
  public BigInteger v() {
    return body.v(signature.recoveryId());
  }

  /** Gas charged before execution: base cost, calldata, access list and initcode words. */
  public long intrinsicGas() {
    return intrinsicGas;
  }

  /** Keccak-256 of {@link #signingPayload()}: the hash the sender signed. */
  public Hash signingHash() {
    return signingHash;
  }

  /** What the sender signed: the unsigned fields (with chain id, 0, 0 for EIP-155 legacy), prefixed by the type byte for typed transactions. */
  public byte[] signingPayload() {
    return body.signingPayload();
  }

  /** The canonical encoding: the legacy RLP list, or type byte || RLP list. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /** The transaction hash: Keccak-256 of {@link #encoded()}. */
  public Hash hash() {
    return hash;
  }

  /** The address that signed this transaction, recovered once when it was decoded or built. */
  public Address sender() {
    return sender;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction other && hash.equals(other.hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "Transaction[" + body.type + " " + hash + " from " + sender + " nonce " + Long.toUnsignedString(body.nonce)
        + (body.to == null ? " creation" : " to " + body.to) + "]";
  }

  /** The fields a signature covers, checked against the static validity rules. */
  private record Body(
      TransactionType type,
      BigInteger chainId,
      long nonce,
      Wei gasPrice,
      Wei maxPriorityFeePerGas,
      Wei maxFeePerGas,
      long gasLimit,
      Address to,
      Wei value,
      byte[] data,
      List<AccessListEntry> accessList,
      Wei maxFeePerBlobGas,
      List<Hash> blobVersionedHashes) {

    Wei gasFeeCap() {
      return gasPrice != null ? gasPrice : maxFeePerGas;
    }

    /** Applies every static rule that does not involve the signature and returns the intrinsic gas. */
    long validate() {
      checkFieldsMatchType();
      checkChainId();
      if (nonce == -1L) {
        throw new InvalidTransactionException(NONCE_OVERFLOW, "nonce is 2^64 - 1");
      }
      if (maxPriorityFeePerGas != null && maxPriorityFeePerGas.greaterThan(maxFeePerGas)) {
        throw new InvalidTransactionException(PRIORITY_FEE_ABOVE_MAX_FEE,
            maxPriorityFeePerGas + " > " + maxFeePerGas);
      }
      BigInteger maxCost = gasFeeCap().toBigInteger().multiply(new BigInteger(Long.toUnsignedString(gasLimit)));
      if (maxCost.compareTo(MAX_UINT256) > 0) {
        throw new InvalidTransactionException(GAS_LIMIT_PRICE_PRODUCT_OVERFLOW,
            "gas limit " + Long.toUnsignedString(gasLimit) + " times fee cap " + gasFeeCap());
      }
      if (to == null && data.length > MAX_INITCODE_SIZE) {
        throw new InvalidTransactionException(INITCODE_TOO_LARGE, data.length + " bytes");
      }
      checkBlobFields();
      long intrinsicGas = intrinsicGas();
      if (Long.compareUnsigned(gasLimit, intrinsicGas) < 0) {
        throw new InvalidTransactionException(INTRINSIC_GAS_TOO_LOW,
            "gas limit " + Long.toUnsignedString(gasLimit) + " < intrinsic gas " + intrinsicGas);
      }
      return intrinsicGas;
    }

    private void checkFieldsMatchType() {
      boolean feeMarket = type == TransactionType.EIP1559 || type == TransactionType.BLOB;
      require(feeMarket == (gasPrice == null), feeMarket ? "gas price is not used by " + type : "gas price is required");
      if (feeMarket) {
        require(maxFeePerGas != null && maxPriorityFeePerGas != null,
            "max fee and max priority fee per gas are required");
      } else {
        require(maxFeePerGas == null && maxPriorityFeePerGas == null, "fee caps are not used by " + type);
      }
      require(type != TransactionType.LEGACY || accessList.isEmpty(), "legacy transactions have no access list");
      boolean blob = type == TransactionType.BLOB;
      require(blob == (maxFeePerBlobGas != null),
          blob ? "max fee per blob gas is required" : "max fee per blob gas is only for blob transactions");
      require(blob || blobVersionedHashes.isEmpty(), "blob versioned hashes are only for blob transactions");
    }

    private void checkChainId() {
      if (chainId == null) {
        if (type != TransactionType.LEGACY) {
          throw new InvalidTransactionException(FIELDS_INCONSISTENT_WITH_TYPE, "chain id is required for " + type);
        }
        return;
      }
      if (chainId.signum() < 0 || chainId.bitLength() > 256) {
        throw new InvalidTransactionException(INVALID_CHAIN_ID, "chain id must be in [0, 2^256), got " + chainId);
      }
      if (type == TransactionType.LEGACY
          && (chainId.signum() == 0 || v(1).bitLength() > 256)) {
        throw new InvalidTransactionException(INVALID_CHAIN_ID,
            "an EIP-155 chain id must be positive and keep v below 2^256, got " + chainId);
      }
    }

    private void checkBlobFields() {
      if (type != TransactionType.BLOB) {
        return;
      }
      if (to == null) {
        throw new InvalidTransactionException(BLOB_TRANSACTION_WITHOUT_RECIPIENT, "'to' is empty");
      }
      if (blobVersionedHashes.isEmpty()) {
        throw new InvalidTransactionException(BLOB_TRANSACTION_WITHOUT_BLOBS, "no versioned hashes");
      }
      if (blobVersionedHashes.size() > MAX_BLOBS_PER_TRANSACTION) {
        throw new InvalidTransactionException(TOO_MANY_BLOBS, blobVersionedHashes.size() + " versioned hashes");
      }
      for (Hash versionedHash : blobVersionedHashes) {
        if ((versionedHash.unsafeBytes()[0] & 0xff) != VERSIONED_HASH_VERSION_KZG) {
          throw new InvalidTransactionException(INVALID_BLOB_VERSIONED_HASH, "version of " + versionedHash);
        }
      }
    }

    private void require(boolean condition, String detail) {
      if (!condition) {
        throw new InvalidTransactionException(FIELDS_INCONSISTENT_WITH_TYPE, detail);
      }
    }

    private long intrinsicGas() {
      long gas = to == null ? TX_CREATE_GAS : TX_GAS;
      for (byte b : data) {
        gas += b == 0 ? TX_DATA_ZERO_GAS : TX_DATA_NON_ZERO_GAS;
      }
      for (AccessListEntry entry : accessList) {
        gas += ACCESS_LIST_ADDRESS_GAS + ACCESS_LIST_STORAGE_KEY_GAS * entry.storageKeys().size();
      }
      if (to == null) {
        gas += INITCODE_WORD_GAS * ((data.length + 31L) / 32);
      }
      return gas;
    }

    BigInteger v(int recoveryId) {
      if (type != TransactionType.LEGACY) {
        return BigInteger.valueOf(recoveryId);
      }
      if (chainId == null) {
        return LEGACY_V_BASE.add(BigInteger.valueOf(recoveryId));
      }
      return chainId.shiftLeft(1).add(EIP155_V_OFFSET).add(BigInteger.valueOf(recoveryId));
    }

    byte[] signingPayload() {
      List<byte[]> fields = fields();
      if (type == TransactionType.LEGACY) {
        if (chainId != null) {
          fields.add(Rlp.encodeBigInteger(chainId));
          fields.add(Rlp.EMPTY_STRING);
          fields.add(Rlp.EMPTY_STRING);
        }
        return Rlp.encodeList(fields);
      }
      return typed(Rlp.encodeList(fields));
    }

    byte[] encodeSigned(Signature signature) {
      List<byte[]> fields = fields();
      fields.add(Rlp.encodeBigInteger(v(signature.recoveryId())));
      fields.add(Rlp.encodeBigInteger(signature.r()));
      fields.add(Rlp.encodeBigInteger(signature.s()));
      byte[] list = Rlp.encodeList(fields);
      return type == TransactionType.LEGACY ? list : typed(list);
    }

    private byte[] typed(byte[] rlpList) {
      byte[] out = new byte[1 + rlpList.length];
      out[0] = (byte) type.typeByte();
      System.arraycopy(rlpList, 0, out, 1, rlpList.length);
      return out;
    }

    /** The unsigned fields in wire order, without the signature (and without EIP-155's chain id suffix). */
    private List<byte[]> fields() {
      List<byte[]> fields = new ArrayList<>(14);
      if (type != TransactionType.LEGACY) {
        fields.add(Rlp.encodeBigInteger(chainId));
      }
      fields.add(Rlp.encodeLong(nonce));
      if (gasPrice != null) {
        fields.add(Rlp.encodeBigInteger(gasPrice.toBigInteger()));
      } else {
        fields.add(Rlp.encodeBigInteger(maxPriorityFeePerGas.toBigInteger()));
        fields.add(Rlp.encodeBigInteger(maxFeePerGas.toBigInteger()));
      }
      fields.add(Rlp.encodeLong(gasLimit));
      fields.add(to == null ? Rlp.EMPTY_STRING : Rlp.encodeBytes(to.unsafeBytes()));
      fields.add(Rlp.encodeBigInteger(value.toBigInteger()));
      fields.add(Rlp.encodeBytes(data));
      if (type != TransactionType.LEGACY) {
        fields.add(encodeAccessList());
      }
      if (type == TransactionType.BLOB) {
        fields.add(Rlp.encodeBigInteger(maxFeePerBlobGas.toBigInteger()));
        byte[][] hashes = new byte[blobVersionedHashes.size()][];
        for (int i = 0; i < hashes.length; i++) {
          hashes[i] = Rlp.encodeBytes(blobVersionedHashes.get(i).unsafeBytes());
        }
        fields.add(Rlp.encodeList(hashes));
      }
      return fields;
    }

    private byte[] encodeAccessList() {
      byte[][] entries = new byte[accessList.size()][];
      for (int i = 0; i < entries.length; i++) {
        AccessListEntry entry = accessList.get(i);
        byte[][] keys = new byte[entry.storageKeys().size()][];
        for (int k = 0; k < keys.length; k++) {
          keys[k] = Rlp.encodeBytes(entry.storageKeys().get(k).unsafeBytes());
        }
        entries[i] = Rlp.encodeList(Rlp.encodeBytes(entry.address().unsafeBytes()), Rlp.encodeList(keys));
      }
      return Rlp.encodeList(entries);
    }
  }

  /**
   * Collects the fields of one transaction type. {@link #sign(PrivateKey)} signs them; {@link #build()}
   * takes a signature made elsewhere. Both apply the static validity rules and throw
   * {@link InvalidTransactionException} on a violation. Unset amounts and data default to zero and empty;
   * an unset recipient means a contract creation; an unset chain id on a legacy transaction means no
   * EIP-155 replay protection.
   */
  public static final class Builder {
    private final TransactionType type;
    private BigInteger chainId;
    private long nonce;
    private Wei gasPrice;
    private Wei maxPriorityFeePerGas;
    private Wei maxFeePerGas;
    private long gasLimit;
    private Address to;
    private Wei value = Wei.ZERO;
    private byte[] data = Bytes.EMPTY;
    private List<AccessListEntry> accessList = List.of();
    private Wei maxFeePerBlobGas;
    private List<Hash> blobVersionedHashes = List.of();
    private Signature signature;

    private Builder(TransactionType type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    public Builder chainId(long chainId) {
      return chainId(BigInteger.valueOf(chainId));
    }

    public Builder chainId(BigInteger chainId) {
      this.chainId = chainId;
      return this;
    }

    /** Unsigned 64-bit nonce. */
    public Builder nonce(long nonce) {
      this.nonce = nonce;
      return this;
    }

    public Builder gasPrice(Wei gasPrice) {
      this.gasPrice = gasPrice;
      return this;
    }

    public Builder maxPriorityFeePerGas(Wei maxPriorityFeePerGas) {
      this.maxPriorityFeePerGas = maxPriorityFeePerGas;
      return this;
    }

    public Builder maxFeePerGas(Wei maxFeePerGas) {
      this.maxFeePerGas = maxFeePerGas;
      return this;
    }

    /** Unsigned 64-bit gas limit. */
    public Builder gasLimit(long gasLimit) {
      this.gasLimit = gasLimit;
      return this;
    }

    /** The recipient; leave unset (or pass null) for a contract creation. */
    public Builder to(Address to) {
      this.to = to;
      return this;
    }

    public Builder value(Wei value) {
      this.value = Objects.requireNonNull(value, "value");
      return this;
    }

    public Builder data(byte[] data) {
      this.data = data.clone();
      return this;
    }

    public Builder accessList(List<AccessListEntry> accessList) {
      this.accessList = List.copyOf(accessList);
      return this;
    }

    public Builder maxFeePerBlobGas(Wei maxFeePerBlobGas) {
      this.maxFeePerBlobGas = maxFeePerBlobGas;
      return this;
    }

    public Builder blobVersionedHashes(List<Hash> blobVersionedHashes) {
      this.blobVersionedHashes = List.copyOf(blobVersionedHashes);
      return this;
    }

    public Builder signature(Signature signature) {
      this.signature = signature;
      return this;
    }

    /** The bytes to sign, after checking the fields. */
    public byte[] signingPayload() {
      Body body = body();
      body.validate();
      return body.signingPayload();
    }

    /** Keccak-256 of {@link #signingPayload()}. */
    public Hash signingHash() {
      return Keccak256.hash(signingPayload());
    }

    /** Checks the fields, signs them with {@code key} (RFC 6979, low s) and returns the transaction. */
    public Transaction sign(PrivateKey key) {
      Body body = body();
      long intrinsicGas = body.validate();
      Hash signingHash = Keccak256.hash(body.signingPayload());
      Signature signed = Secp256k1.sign(signingHash, key);
      return new Transaction(body, intrinsicGas, signingHash, signed, key.publicKey().toAddress());
    }

    /**
     * Builds the transaction with the signature set on this builder and recovers its sender.
     *
     * @throws InvalidTransactionException if a rule is broken, the signature has a high s or no sender can be recovered
     */
    public Transaction build() {
      Body body = body();
      long intrinsicGas = body.validate();
      if (signature == null) {
        throw new InvalidTransactionException(INVALID_SIGNATURE, "no signature set; use sign(PrivateKey)");
      }
      if (!signature.isLowS()) {
        throw new InvalidTransactionException(INVALID_SIGNATURE, "s is above n/2 (EIP-2)");
      }
      return new Transaction(body, intrinsicGas, Keccak256.hash(body.signingPayload()), signature, null);
    }

    private Body body() {
      return new Body(type, chainId, nonce, gasPrice, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to,
          value, data, accessList, maxFeePerBlobGas, blobVersionedHashes);
    }
  }
}
