package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;

/** A shared, non-empty run of nibbles leading to a branch. Encoded as {@code [compact(path), childReference]}. */
final class ExtensionNode extends Node {
  final byte[] path;
  final Node child;

  ExtensionNode(byte[] path, Node child) {
    this.path = path;
    this.child = child;
  }

  ExtensionNode(byte[] path, Node child, byte[] encoding, Hash hash) {
    super(encoding, hash);
    this.path = path;
    this.child = child;
  }

  @Override
  byte[] encode() {
    byte[] compactPath = Nibbles.compact(path, false);
    int payload = stringLength(compactPath) + child.referenceLength();
    byte[] out = new byte[Rlp.headerLength(payload) + payload];
    int pos = Rlp.writeHeader(out, 0, 0xc0, payload);
    pos = writeString(out, pos, compactPath);
    child.writeReference(out, pos);
    return out;
  }
}
