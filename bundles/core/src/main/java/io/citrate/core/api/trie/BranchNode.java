package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;

/**
 * Sixteen children, one per next nibble, and the value of the key that ends here. Encoded as a 17-item list
 * of child references (the empty string for an absent child) and the value (the empty string for none).
 */
final class BranchNode extends Node {
  static final int WIDTH = 16;

  /** Never modified after construction, so updated copies may share it. */
  final Node[] children;
  /** The value of the key ending at this branch, or {@code null}. */
  final byte[] value;

  BranchNode(Node[] children, byte[] value) {
    this.children = children;
    this.value = value;
  }

  BranchNode(Node[] children, byte[] value, byte[] encoding, Hash hash) {
    super(encoding, hash);
    this.children = children;
    this.value = value;
  }

  @Override
  byte[] encode() {
    int payload = value == null ? 1 : stringLength(value);
    for (Node child : children) {
      payload += child == null ? 1 : child.referenceLength();
    }
    byte[] out = new byte[Rlp.headerLength(payload) + payload];
    int pos = Rlp.writeHeader(out, 0, 0xc0, payload);
    for (Node child : children) {
      if (child == null) {
        out[pos++] = (byte) 0x80;
      } else {
        pos = child.writeReference(out, pos);
      }
    }
    if (value == null) {
      out[pos] = (byte) 0x80;
    } else {
      writeString(out, pos, value);
    }
    return out;
  }
}
