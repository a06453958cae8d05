package io.citrate.ipfs.api;

import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.dag.Multibase;
import io.citrate.ipfs.internal.dag.Varint;
import io.citrate.ipfs.internal.dag.Varint.Cursor;
import java.util.Arrays;

/**
 * A content id: which codec the block is in, and the multihash of its bytes. Version 0 is a bare sha2-256
 * multihash of a dag-pb block, written in base58btc ({@code Qm…}); version 1 adds the version and the codec and is
 * written in multibase, base32 lower case ({@code b…}) by default. Equal when version, codec and multihash are.
 */
public final class Cid implements Comparable<Cid> {
  /** Codec of a block that is just bytes (raw leaves). */
  public static final long RAW = 0x55;
  /** Codec of a protobuf dag-pb node (UnixFS files and directories). */
  public static final long DAG_PB = 0x70;
  /** Codec of a DAG-CBOR node. */
  public static final long DAG_CBOR = 0x71;

  /** Longest string form accepted by {@link #parse}; real ids are under 100 characters. */
  public static final int MAX_STRING_LENGTH = 512;

  private static final int V0_STRING_LENGTH = 46;

  private final int version;
  private final long codec;
  private final Multihash multihash;
  private final byte[] bytes;

  private Cid(int version, long codec, Multihash multihash) {
    this.version = version;
    this.codec = codec;
    this.multihash = multihash;
    if (version == 0) {
      this.bytes = multihash.bytes();
    } else {
      this.bytes = new byte[Varint.size(1) + Varint.size(codec) + multihash.encodedLength()];
      int offset = Varint.write(codec, bytes, Varint.write(1, bytes, 0));
      multihash.copyTo(bytes, offset);
    }
  }

  /** A CIDv0: a sha2-256 multihash of a dag-pb block. */
  public static Cid v0(Multihash multihash) {
    if (multihash.code() != Multihash.SHA2_256) {
      throw new IpfsException(Kind.INVALID_CID, "a CIDv0 is a sha2-256 multihash");
    }
    return new Cid(0, DAG_PB, multihash);
  }

  public static Cid v1(long codec, Multihash multihash) {
    if (codec < 0) {
      throw new IpfsException(Kind.INVALID_CID, "codec is negative");
    }
    return new Cid(1, codec, multihash);
  }

  /** The id of {@code block} in {@code codec} at {@code version} (0 or 1), hashing with sha2-256. */
  public static Cid of(int version, long codec, byte[] block) {
    Multihash multihash = Multihash.sha256(block);
    if (version == 1) {
      return v1(codec, multihash);
    }
    if (version != 0) {
      throw new IpfsException(Kind.INVALID_CID, "unsupported CID version " + version);
    }
    if (codec != DAG_PB) {
      throw new IpfsException(Kind.INVALID_CID, "a CIDv0 names dag-pb only, not codec 0x" + Long.toHexString(codec));
    }
    return v0(multihash);
  }

  /**
   * Parses the string form: a 46-character base58btc CIDv0 ({@code Qm…}), or a multibase CIDv1 (prefix {@code b},
   * {@code B}, {@code z}, {@code f} or {@code F}). Anything else is an {@link IpfsException} INVALID_CID saying why.
   */
  public static Cid parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IpfsException(Kind.INVALID_CID, "content id is empty");
    }
    if (text.length() > MAX_STRING_LENGTH) {
      throw new IpfsException(Kind.INVALID_CID,
          "content id of " + text.length() + " characters, the limit is " + MAX_STRING_LENGTH);
    }
    if (text.length() == V0_STRING_LENGTH && text.startsWith("Qm")) {
      return decode(Multibase.decodeBase58(text), text);
    }
    Cid cid = decode(Multibase.decode(text), text);
    if (cid.version == 0) {
      throw new IpfsException(Kind.INVALID_CID, "'" + text + "': a CIDv0 is written in base58btc without prefix");
    }
    return cid;
  }

  /** Parses the binary form, which must fill {@code bytes} exactly. */
  public static Cid decode(byte[] bytes) {
    return decode(bytes, null);
  }

  private static Cid decode(byte[] bytes, String text) {
    try {
      Cursor cursor = new Cursor(0);
      Cid cid = read(bytes, cursor);
      if (cursor.position != bytes.length) {
        throw new IpfsException(Kind.INVALID_CID, (bytes.length - cursor.position) + " stray bytes after the id");
      }
      return cid;
    } catch (IpfsException e) {
      throw text == null ? e : new IpfsException(Kind.INVALID_CID, "'" + text + "' is not a valid CID: "
          + e.getMessage(), e);
    }
  }

  /** Reads a binary CID at the cursor, advancing it: as CAR sections and dag-pb links carry them. */
  public static Cid read(byte[] bytes, Cursor cursor) {
    if (bytes.length - cursor.position >= 2 && bytes[cursor.position] == Multihash.SHA2_256
        && bytes[cursor.position + 1] == Multihash.SHA2_256_LENGTH) {
      return new Cid(0, DAG_PB, Multihash.read(bytes, cursor));
    }
    long version;
    long codec;
    try {
      version = Varint.readMultiformat(bytes, cursor, "CID version");
      if (version != 1) {
        throw new IpfsException(Kind.INVALID_CID, "unsupported CID version " + version);
      }
      codec = Varint.readMultiformat(bytes, cursor, "CID codec");
    } catch (IpfsException e) {
      throw new IpfsException(Kind.INVALID_CID, e.getMessage(), e);
    }
    return new Cid(1, codec, Multihash.read(bytes, cursor));
  }

  public int version() {
    return version;
  }

  public long codec() {
    return codec;
  }

  public Multihash multihash() {
    return multihash;
  }

  /** The binary form, a copy. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Length of the binary form: 34 for a CIDv0, 36 for a sha2-256 CIDv1. */
  public int byteLength() {
    return bytes.length;
  }

  /** This id as a CIDv1 (the same block); a CIDv1 returns itself. */
  public Cid toV1() {
    return version == 1 ? this : new Cid(1, codec, multihash);
  }

  /** Whether {@code block} is the content this id names. */
  public boolean matches(byte[] block) {
    return multihash.matches(block);
  }

  /** base58btc for a CIDv0, base32 lower case with prefix {@code b} for a CIDv1. */
  @Override
  public String toString() {
    return version == 0 ? Multibase.encodeBase58(bytes) : "b" + Multibase.encodeBase32(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cid cid && version == cid.version && Arrays.equals(bytes, cid.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** By binary form, so sorted ids are in the same order everywhere. */
  @Override
  public int compareTo(Cid other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }
}
