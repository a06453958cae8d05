package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.RlpException;
import io.citrate.core.api.rlp.RlpReader;

/**
 * Decodes stored nodes strictly: canonical RLP, a 2-item leaf or extension or a 17-item branch, hex-prefix
 * paths, child references that are either a 32-byte hash or an embedded node shorter than 32 bytes.
 */
final class NodeDecoder {
  private static final int BRANCH_ITEMS = BranchNode.WIDTH + 1;
  private static final int EMBED_LIMIT = 32;

  private NodeDecoder() {}

  /**
   * Decodes {@code encoded}, whose hash is {@code hash}; the node and its embedded children count as
   * persisted.
   *
   * @throws RlpException if {@code encoded} is not a well-formed node
   */
  static Node decode(byte[] encoded, Hash hash) {
    RlpReader outer = RlpReader.of(encoded);
    RlpReader reader = outer.enterList();
    outer.ensureEnd();
    byte[][] strings = new byte[BRANCH_ITEMS][];
    byte[][] lists = new byte[BRANCH_ITEMS][];
    int count = 0;
    while (reader.hasNext()) {
      if (count == BRANCH_ITEMS) {
        throw new RlpException("a trie node has 2 or 17 items, found more than 17");
      }
      if (reader.nextIsList()) {
        lists[count] = reader.readRaw();
      } else {
        strings[count] = reader.readBytes();
      }
      count++;
    }
    if (count == 2) {
      return decodeShort(strings, lists, encoded, hash);
    }
    if (count == BRANCH_ITEMS) {
      return decodeBranch(strings, lists, encoded, hash);
    }
    throw new RlpException("a trie node has 2 or 17 items, found " + count);
  }

  private static Node decodeShort(byte[][] strings, byte[][] lists, byte[] encoded, Hash hash) {
    if (strings[0] == null) {
      throw new RlpException("the path of a leaf or extension node must be a string, found a list");
    }
    byte[] path = Nibbles.fromCompact(strings[0]);
    if (Nibbles.isLeaf(strings[0])) {
      byte[] value = strings[1];
      if (value == null || value.length == 0) {
        throw new RlpException("a leaf node's value must be a non-empty string");
      }
      return new LeafNode(path, value, encoded, hash);
    }
    if (path.length == 0) {
      throw new RlpException("an extension node has an empty path");
    }
    Node child = childReference(strings[1], lists[1]);
    if (child == null) {
      throw new RlpException("an extension node has no child");
    }
    return new ExtensionNode(path, child, encoded, hash);
  }

  private static Node decodeBranch(byte[][] strings, byte[][] lists, byte[] encoded, Hash hash) {
    Node[] children = new Node[BranchNode.WIDTH];
    for (int i = 0; i < BranchNode.WIDTH; i++) {
      children[i] = childReference(strings[i], lists[i]);
    }
    byte[] value = strings[BranchNode.WIDTH];
    if (value == null) {
      throw new RlpException("a branch node's value must be a string, found a list");
    }
    return new BranchNode(children, value.length == 0 ? null : value, encoded, hash);
  }

  /** A child given by hash (a 32-byte string), embedded (a list), or absent (the empty string). */
  private static Node childReference(byte[] string, byte[] embedded) {
    if (embedded != null) {
      if (embedded.length >= EMBED_LIMIT) {
        throw new RlpException("an embedded node of " + embedded.length + " bytes must be referenced by hash");
      }
      return decode(embedded, null);
    }
    if (string.length == 0) {
      return null;
    }
    if (string.length != Hash.SIZE) {
      throw new RlpException("a child reference must be a 32-byte hash, got " + string.length + " bytes");
    }
    return new HashNode(Hash.wrapUnsafe(string));
  }
}
