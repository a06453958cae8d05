package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.rlp.Rlp;

/**
 * A trie node. Nodes are immutable: an update builds new nodes along the changed path and shares the rest,
 * so each node's encoding and hash are computed at most once. A node whose encoding is shorter than 32
 * bytes is embedded in its parent; a larger one is referenced by its hash. The absent node is {@code null}.
 */
abstract sealed class Node permits LeafNode, ExtensionNode, BranchNode, HashNode {
  static final int HASH_REFERENCE_LENGTH = 1 + Hash.SIZE;
  private static final int EMBED_LIMIT = 32;

  private byte[] encoding;
  private Hash hash;
  /** Set once the node is known to be in the store the trie commits to (loaded from it, or committed). */
  private boolean persisted;

  Node() {}

  Node(byte[] encoding, Hash hash) {
    this.encoding = encoding;
    this.hash = hash;
    this.persisted = true;
  }

  /** The canonical RLP encoding. */
  byte[] encoding() {
    byte[] e = encoding;
    if (e == null) {
      e = encode();
      encoding = e;
    }
    return e;
  }

  abstract byte[] encode();

  Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Keccak256.hash(encoding());
      hash = h;
    }
    return h;
  }

  /** True if a parent refers to this node by hash rather than embedding its encoding. */
  boolean referencedByHash() {
    return encoding().length >= EMBED_LIMIT;
  }

  /** Length of this node's reference inside its parent's encoding. */
  int referenceLength() {
    return referencedByHash() ? HASH_REFERENCE_LENGTH : encoding().length;
  }

  /** Writes this node's reference (its encoding, or its hash as an RLP string) and returns the next position. */
  int writeReference(byte[] out, int pos) {
    if (referencedByHash()) {
      out[pos] = (byte) (0x80 + Hash.SIZE);
      System.arraycopy(hash().unsafeBytes(), 0, out, pos + 1, Hash.SIZE);
      return pos + HASH_REFERENCE_LENGTH;
    }
    byte[] e = encoding();
    System.arraycopy(e, 0, out, pos, e.length);
    return pos + e.length;
  }

  boolean persisted() {
    return persisted;
  }

  void markPersisted() {
    persisted = true;
  }

  /** Length of {@code value} encoded as an RLP string. */
  static int stringLength(byte[] value) {
    if (value.length == 1 && (value[0] & 0xff) < 0x80) {
      return 1;
    }
    return Rlp.headerLength(value.length) + value.length;
  }

  /** Writes {@code value} as an RLP string and returns the next position. */
  static int writeString(byte[] out, int pos, byte[] value) {
    if (value.length == 1 && (value[0] & 0xff) < 0x80) {
      out[pos] = value[0];
      return pos + 1;
    }
    int at = Rlp.writeHeader(out, pos, 0x80, value.length);
    System.arraycopy(value, 0, out, at, value.length);
    return at + value.length;
  }
}
