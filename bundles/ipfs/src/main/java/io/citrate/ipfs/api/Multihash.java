package io.citrate.ipfs.api;

import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.internal.dag.Multibase;
import io.citrate.ipfs.internal.dag.Varint;
import io.citrate.ipfs.internal.dag.Varint.Cursor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A self-describing hash: the hash function's code, the digest length and the digest. Blocks are stored and
 * verified by multihash. Two functions are supported: sha2-256 (what IPFS uses by default) and identity (the
 * content itself, inlined in the id, at most {@value #MAX_IDENTITY_LENGTH} bytes).
 */
public final class Multihash {
  public static final int SHA2_256 = 0x12;
  public static final int IDENTITY = 0x00;
  public static final int SHA2_256_LENGTH = 32;
  public static final int MAX_IDENTITY_LENGTH = 128;

  private final int code;
  private final byte[] digest;
  private final byte[] bytes;

  private Multihash(int code, byte[] digest) {
    this.code = code;
    this.digest = digest;
    this.bytes = new byte[Varint.size(code) + Varint.size(digest.length) + digest.length];
    int offset = Varint.write(digest.length, bytes, Varint.write(code, bytes, 0));
    System.arraycopy(digest, 0, bytes, offset, digest.length);
  }

  /** The sha2-256 multihash of {@code data}. */
  public static Multihash sha256(byte[] data) {
    return sha256(data, 0, data.length);
  }

  public static Multihash sha256(byte[] data, int offset, int length) {
    MessageDigest sha256 = newSha256();
    sha256.update(data, offset, length);
    return new Multihash(SHA2_256, sha256.digest());
  }

  /** A multihash of a sha2-256 {@code digest} computed elsewhere. */
  public static Multihash ofSha256Digest(byte[] digest) {
    if (digest.length != SHA2_256_LENGTH) {
      throw new IpfsException(Kind.INVALID_CID, "a sha2-256 digest is 32 bytes, not " + digest.length);
    }
    return new Multihash(SHA2_256, digest.clone());
  }

  /** Parses a binary multihash that fills {@code bytes} exactly. */
  public static Multihash decode(byte[] bytes) {
    Cursor cursor = new Cursor(0);
    Multihash multihash = read(bytes, cursor);
    if (cursor.position != bytes.length) {
      throw new IpfsException(Kind.INVALID_CID, "multihash is followed by " + (bytes.length - cursor.position)
          + " stray bytes");
    }
    return multihash;
  }

  /** Parses a binary multihash at the cursor, advancing it. */
  static Multihash read(byte[] bytes, Cursor cursor) {
    long code;
    long length;
    try {
      code = Varint.readMultiformat(bytes, cursor, "multihash code");
      length = Varint.readMultiformat(bytes, cursor, "multihash length");
    } catch (IpfsException e) {
      throw new IpfsException(Kind.INVALID_CID, e.getMessage(), e);
    }
    if (code == SHA2_256) {
      if (length != SHA2_256_LENGTH) {
        throw new IpfsException(Kind.INVALID_CID, "sha2-256 multihash declares " + length + " bytes, not 32");
      }
    } else if (code == IDENTITY) {
      if (length > MAX_IDENTITY_LENGTH) {
        throw new IpfsException(Kind.INVALID_CID,
            "identity multihash of " + length + " bytes, the limit is " + MAX_IDENTITY_LENGTH);
      }
    } else {
      throw new IpfsException(Kind.INVALID_CID,
          "unsupported hash function 0x" + Long.toHexString(code) + " (sha2-256 and identity are supported)");
    }
    if (bytes.length - cursor.position < length) {
      throw new IpfsException(Kind.INVALID_CID,
          "multihash declares " + length + " digest bytes, " + (bytes.length - cursor.position) + " follow");
    }
    byte[] digest = Arrays.copyOfRange(bytes, cursor.position, cursor.position + (int) length);
    cursor.position += (int) length;
    return new Multihash((int) code, digest);
  }

  /** The identity multihash of {@code data}: the data itself. */
  public static Multihash identity(byte[] data) {
    if (data.length > MAX_IDENTITY_LENGTH) {
      throw new IpfsException(Kind.TOO_LARGE,
          "identity multihash of " + data.length + " bytes, the limit is " + MAX_IDENTITY_LENGTH);
    }
    return new Multihash(IDENTITY, data.clone());
  }

  public int code() {
    return code;
  }

  /** The digest, a copy. */
  public byte[] digest() {
    return digest.clone();
  }

  /** The binary form: code, length, digest. The blockstore's key. */
  public byte[] bytes() {
    return bytes.clone();
  }

  int encodedLength() {
    return bytes.length;
  }

  void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  /** Whether {@code block} is the content this multihash names. */
  public boolean matches(byte[] block) {
    if (code == IDENTITY) {
      return Arrays.equals(digest, block);
    }
    return MessageDigest.isEqual(digest, newSha256().digest(block));
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Multihash multihash && Arrays.equals(bytes, multihash.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return (code == SHA2_256 ? "sha2-256:" : "identity:") + Multibase.encodeBase16(digest);
  }
}
