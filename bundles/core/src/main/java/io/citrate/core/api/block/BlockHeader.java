package io.citrate.core.api.block;

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
import io.citrate.core.api.rlp.RlpException;
import io.citrate.core.api.rlp.RlpReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of a Citrate DAG block. Immutable; every instance satisfies the structural rules, which
 * {@link Builder#build()} and {@link #decode(byte[])} both enforce:
 *
 * <ul>
 *   <li>parents strictly ascending (sorted, no duplicates), so the encoding is canonical; empty only for
 *       genesis, which is the header without parents;
 *   <li>version, timestamp (unix milliseconds), blue score, gas limit and gas used non-negative, gas used
 *       at most the gas limit; blue work below 2^256;
 *   <li>logs bloom exactly 256 bytes, VRF proof at most 128 bytes and present unless genesis, extra data
 *       at most 32 bytes;
 *   <li>signature empty (genesis, or not signed yet) or 65 bytes r || s || v with v the recovery id,
 *       r and s in range and s at most n/2.
 * </ul>
 *
 * <p>The encoding is the RLP list of the fields in this order: version, parents, timestamp, blueScore,
 * blueWork, stateRoot, transactionsRoot, receiptsRoot, logsBloom, gasLimit, gasUsed, baseFeePerGas,
 * producer, vrfProof, extraData, signature. {@link #hash()} covers all of it, {@link #signingHash()} all
 * but the signature.
 * Whether the signature is present and by the producer is a consensus rule: see {@link #verifySignature()}.
 */
public final class BlockHeader {
  public static final long CURRENT_VERSION = 1;
  public static final int LOGS_BLOOM_SIZE = 256;
  public static final int MAX_VRF_PROOF_SIZE = 128;
  public static final int MAX_EXTRA_DATA_SIZE = 32;

  private static final int FIELD_COUNT = 16;

  private final long version;
  private final List<Hash> parents;
  private final long timestamp;
  private final long blueScore;
  private final BigInteger blueWork;
  private final Hash stateRoot;
  private final Hash transactionsRoot;
  private final Hash receiptsRoot;
  private final byte[] logsBloom;
  private final long gasLimit;
  private final long gasUsed;
  private final Wei baseFeePerGas;
  private final Address producer;
  private final byte[] vrfProof;
  private final byte[] extraData;
  private final Signature signature;
  private final Hash signingHash;
  private final byte[] encoded;
  private final Hash hash;

  private BlockHeader(Builder b) {
    this.version = b.version;
    this.parents = b.parents;
    this.timestamp = b.timestamp;
    this.blueScore = b.blueScore;
    this.blueWork = b.blueWork;
    this.stateRoot = b.stateRoot;
    this.transactionsRoot = b.transactionsRoot;
    this.receiptsRoot = b.receiptsRoot;
    this.logsBloom = b.logsBloom;
    this.gasLimit = b.gasLimit;
    this.gasUsed = b.gasUsed;
    this.baseFeePerGas = b.baseFeePerGas;
    this.producer = b.producer;
    this.vrfProof = b.vrfProof;
    this.extraData = b.extraData;
    this.signature = b.signature;
    List<byte[]> fields = unsignedFields();
    this.signingHash = Keccak256.hash(Rlp.encodeList(fields));
    fields.add(signature == null ? Rlp.EMPTY_STRING : Rlp.encodeBytes(signature.toBytes()));
    this.encoded = Rlp.encodeList(fields);
    this.hash = Keccak256.hash(encoded);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this header's fields, signature included. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.version = version;
    b.parents = parents;
    b.timestamp = timestamp;
    b.blueScore = blueScore;
    b.blueWork = blueWork;
    b.stateRoot = stateRoot;
    b.transactionsRoot = transactionsRoot;
    b.receiptsRoot = receiptsRoot;
    b.logsBloom = logsBloom;
    b.gasLimit = gasLimit;
    b.gasUsed = gasUsed;
    b.baseFeePerGas = baseFeePerGas;
    b.producer = producer;
    b.vrfProof = vrfProof;
    b.extraData = extraData;
    b.signature = signature;
    return b;
  }

  /**
   * Decodes a header from its canonical encoding and checks its structure.
   *
   * @throws InvalidBlockHeaderException if the bytes are not canonical RLP of a well-formed header
   */
  public static BlockHeader decode(byte[] encoded) {
    Builder b = new Builder();
    try {
      RlpReader outer = RlpReader.of(encoded);
      RlpReader fields = outer.enterList();
      b.version = readNonNegativeLong(fields, "version");
      RlpReader parentList = fields.enterList();
      List<Hash> parents = new ArrayList<>();
      while (parentList.hasNext()) {
        parents.add(Hash.wrapUnsafe(parentList.readBytes(Hash.SIZE, "parent hash")));
      }
      b.parents = List.copyOf(parents);
      b.timestamp = readNonNegativeLong(fields, "timestamp");
      b.blueScore = readNonNegativeLong(fields, "blueScore");
      b.blueWork = fields.readBigInteger(32, "blueWork");
      b.stateRoot = Hash.wrapUnsafe(fields.readBytes(Hash.SIZE, "stateRoot"));
      b.transactionsRoot = Hash.wrapUnsafe(fields.readBytes(Hash.SIZE, "transactionsRoot"));
      b.receiptsRoot = Hash.wrapUnsafe(fields.readBytes(Hash.SIZE, "receiptsRoot"));
      b.logsBloom = fields.readBytes(LOGS_BLOOM_SIZE, "logsBloom");
      b.gasLimit = readNonNegativeLong(fields, "gasLimit");
      b.gasUsed = readNonNegativeLong(fields, "gasUsed");
      b.baseFeePerGas = Wei.of(fields.readBigInteger(32, "baseFeePerGas"));
      b.producer = Address.wrapUnsafe(fields.readBytes(Address.SIZE, "producer"));
      b.vrfProof = fields.readBytes();
      b.extraData = fields.readBytes();
      byte[] signature = fields.readBytes();
      b.signature = signature.length == 0 ? null : parseSignature(signature);
      if (fields.hasNext()) {
        throw new InvalidBlockHeaderException("block header has more than " + FIELD_COUNT + " fields");
      }
      outer.ensureEnd();
    } catch (RlpException e) {
      throw new InvalidBlockHeaderException("malformed block header: " + e.getMessage(), e);
    }
    return b.build();
  }

  private static long readNonNegativeLong(RlpReader fields, String name) {
    long value = fields.readLong(name);
    if (value < 0) {
      throw new InvalidBlockHeaderException(name + " exceeds 2^63 - 1");
    }
    return value;
  }

  private static Signature parseSignature(byte[] rsv) {
    if (rsv.length != Signature.SIZE) {
      throw new InvalidBlockHeaderException("signature must be 65 bytes or empty, got " + rsv.length);
    }
    try {
      return Signature.fromBytes(rsv);
    } catch (InvalidSignatureException e) {
      throw new InvalidBlockHeaderException("invalid signature: " + e.getMessage(), e);
    }
  }

  /** The canonical encoding: RLP list of all 16 fields, the signature last. */
  public byte[] encode() {
    return encoded.clone();
  }

  /** Keccak-256 of {@link #encode()}: the block's identity in the DAG. */
  public Hash hash() {
    return hash;
  }

  /** Keccak-256 of the RLP list of the first 15 fields (everything but the signature): what the producer signs. */
  public Hash signingHash() {
    return signingHash;
  }

  /** A copy signed by {@code key} over {@link #signingHash()}; the key should be the producer's. */
  public BlockHeader sign(PrivateKey key) {
    Builder b = toBuilder();
    b.signature = Secp256k1.sign(signingHash, key);
    return b.build();
  }

  /**
   * The address whose key made the signature.
   *
   * @throws InvalidBlockHeaderException if the header is unsigned or no signer can be recovered
   */
  public Address recoverSigner() {
    if (signature == null) {
      throw new InvalidBlockHeaderException("block header " + hash + " is not signed");
    }
    try {
      return Secp256k1.recoverAddress(signingHash, signature);
    } catch (InvalidSignatureException e) {
      throw new InvalidBlockHeaderException("no signer can be recovered from block header " + hash + ": "
          + e.getMessage(), e);
    }
  }

  /** True if the header is signed and the signer is {@link #producer()}. */
  public boolean verifySignature() {
    if (signature == null) {
      return false;
    }
    try {
      return Secp256k1.recoverAddress(signingHash, signature).equals(producer);
    } catch (InvalidSignatureException e) {
      return false;
    }
  }

  public boolean isGenesis() {
    return parents.isEmpty();
  }

  public long version() {
    return version;
  }

  /** Parent hashes in strictly ascending order. */
  public List<Hash> parents() {
    return parents;
  }

  /** Unix time in milliseconds. */
  public long timestamp() {
    return timestamp;
  }

  public long blueScore() {
    return blueScore;
  }

  public BigInteger blueWork() {
    return blueWork;
  }

  public Hash stateRoot() {
    return stateRoot;
  }

  public Hash transactionsRoot() {
    return transactionsRoot;
  }

  public Hash receiptsRoot() {
    return receiptsRoot;
  }

  public byte[] logsBloom() {
    return logsBloom.clone();
  }

  public long gasLimit() {
    return gasLimit;
  }

  public long gasUsed() {
    return gasUsed;
  }

  public Wei baseFeePerGas() {
    return baseFeePerGas;
  }

  public Address producer() {
    return producer;
  }

  public byte[] vrfProof() {
    return vrfProof.clone();
  }

  public byte[] extraData() {
    return extraData.clone();
  }

  /** The producer's signature; empty for genesis or a header not signed yet. */
  public Optional<Signature> signature() {
    return Optional.ofNullable(signature);
  }

  private List<byte[]> unsignedFields() {
    byte[][] parentItems = new byte[parents.size()][];
    for (int i = 0; i < parentItems.length; i++) {
      parentItems[i] = Rlp.encodeBytes(parents.get(i).unsafeBytes());
    }
    List<byte[]> fields = new ArrayList<>(FIELD_COUNT);
    fields.add(Rlp.encodeLong(version));
    fields.add(Rlp.encodeList(parentItems));
    fields.add(Rlp.encodeLong(timestamp));
    fields.add(Rlp.encodeLong(blueScore));
    fields.add(Rlp.encodeBigInteger(blueWork));
    fields.add(Rlp.encodeBytes(stateRoot.unsafeBytes()));
    fields.add(Rlp.encodeBytes(transactionsRoot.unsafeBytes()));
    fields.add(Rlp.encodeBytes(receiptsRoot.unsafeBytes()));
    fields.add(Rlp.encodeBytes(logsBloom));
    fields.add(Rlp.encodeLong(gasLimit));
    fields.add(Rlp.encodeLong(gasUsed));
    fields.add(Rlp.encodeBigInteger(baseFeePerGas.toBigInteger()));
    fields.add(Rlp.encodeBytes(producer.unsafeBytes()));
    fields.add(Rlp.encodeBytes(vrfProof));
    fields.add(Rlp.encodeBytes(extraData));
    return fields;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockHeader other && hash.equals(other.hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "BlockHeader[" + hash + " blueScore " + blueScore + ", " + parents.size() + " parents, producer "
        + producer + (signature == null ? ", unsigned" : "") + "]";
  }

  /**
   * Collects header fields. Defaults: {@link #CURRENT_VERSION}, no parents, zero numbers, empty-trie roots,
   * an empty bloom, zero producer, no VRF proof, no extra data, no signature.
   */
  public static final class Builder {
    private long version = CURRENT_VERSION;
    private List<Hash> parents = List.of();
    private long timestamp;
    private long blueScore;
    private BigInteger blueWork = BigInteger.ZERO;
    private Hash stateRoot = Hash.EMPTY_TRIE_ROOT;
    private Hash transactionsRoot = Hash.EMPTY_TRIE_ROOT;
    private Hash receiptsRoot = Hash.EMPTY_TRIE_ROOT;
    private byte[] logsBloom = new byte[LOGS_BLOOM_SIZE];
    private long gasLimit;
    private long gasUsed;
    private Wei baseFeePerGas = Wei.ZERO;
    private Address producer = Address.ZERO;
    private byte[] vrfProof = Bytes.EMPTY;
    private byte[] extraData = Bytes.EMPTY;
    private Signature signature;

    private Builder() {}

    public Builder version(long version) {
      this.version = version;
      return this;
    }

    /** Parent hashes; they must already be in strictly ascending order. */
    public Builder parents(List<Hash> parents) {
      this.parents = List.copyOf(parents);
      return this;
    }

    public Builder timestamp(long timestampMillis) {
      this.timestamp = timestampMillis;
      return this;
    }

    public Builder blueScore(long blueScore) {
      this.blueScore = blueScore;
      return this;
    }

    public Builder blueWork(BigInteger blueWork) {
      this.blueWork = Objects.requireNonNull(blueWork, "blueWork");
      return this;
    }

    public Builder stateRoot(Hash stateRoot) {
      this.stateRoot = Objects.requireNonNull(stateRoot, "stateRoot");
      return this;
    }

    public Builder transactionsRoot(Hash transactionsRoot) {
      this.transactionsRoot = Objects.requireNonNull(transactionsRoot, "transactionsRoot");
      return this;
    }

    public Builder receiptsRoot(Hash receiptsRoot) {
      this.receiptsRoot = Objects.requireNonNull(receiptsRoot, "receiptsRoot");
      return this;
    }

    public Builder logsBloom(byte[] logsBloom) {
      this.logsBloom = logsBloom.clone();
      return this;
    }

    public Builder gasLimit(long gasLimit) {
      this.gasLimit = gasLimit;
      return this;
    }

    public Builder gasUsed(long gasUsed) {
      this.gasUsed = gasUsed;
      return this;
    }

    public Builder baseFeePerGas(Wei baseFeePerGas) {
      this.baseFeePerGas = Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
      return this;
    }

    public Builder producer(Address producer) {
      this.producer = Objects.requireNonNull(producer, "producer");
      return this;
    }

    public Builder vrfProof(byte[] vrfProof) {
      this.vrfProof = vrfProof.clone();
      return this;
    }

    public Builder extraData(byte[] extraData) {
      this.extraData = extraData.clone();
      return this;
    }

    /** The producer's signature, or null for none. */
    public Builder signature(Signature signature) {
      this.signature = signature;
      return this;
    }

    /** @throws InvalidBlockHeaderException if a structural rule is broken */
    public BlockHeader build() {
      checkNonNegative(version, "version");
      checkNonNegative(timestamp, "timestamp");
      checkNonNegative(blueScore, "blueScore");
      checkNonNegative(gasLimit, "gasLimit");
      checkNonNegative(gasUsed, "gasUsed");
      if (gasUsed > gasLimit) {
        throw new InvalidBlockHeaderException("gasUsed " + gasUsed + " exceeds gasLimit " + gasLimit);
      }
      if (blueWork.signum() < 0 || blueWork.bitLength() > 256) {
        throw new InvalidBlockHeaderException("blueWork must be in [0, 2^256), got " + blueWork);
      }
      for (int i = 1; i < parents.size(); i++) {
        if (parents.get(i - 1).compareTo(parents.get(i)) >= 0) {
          throw new InvalidBlockHeaderException("parents must be strictly ascending; parent " + i + " ("
              + parents.get(i) + ") is not above parent " + (i - 1) + " (" + parents.get(i - 1) + ")");
        }
      }
      if (logsBloom.length != LOGS_BLOOM_SIZE) {
        throw new InvalidBlockHeaderException("logsBloom must be 256 bytes, got " + logsBloom.length);
      }
      if (vrfProof.length > MAX_VRF_PROOF_SIZE) {
        throw new InvalidBlockHeaderException("vrfProof exceeds 128 bytes: " + vrfProof.length);
      }
      if (vrfProof.length == 0 && !parents.isEmpty()) {
        throw new InvalidBlockHeaderException("vrfProof may be empty only in the genesis header");
      }
      if (extraData.length > MAX_EXTRA_DATA_SIZE) {
        throw new InvalidBlockHeaderException("extraData exceeds 32 bytes: " + extraData.length);
      }
      if (signature != null && !signature.isLowS()) {
        throw new InvalidBlockHeaderException("signature s is above n/2; only low-s signatures are accepted");
      }
      return new BlockHeader(this);
    }

    private static void checkNonNegative(long value, String name) {
      if (value < 0) {
        throw new InvalidBlockHeaderException(name + " must not be negative, got " + value);
      }
    }
  }
}
