package io.citrate.core.api.trie;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;

/** The end of a key: the remaining path and the value. Encoded as {@code [compact(path, leaf), value]}. */
final class LeafNode extends Node {
  final byte[] path;
  final byte[] value;

  LeafNode(byte[] path, byte[] value) {
    this.path = path;
    this.value = value;
  }

  LeafNode(byte[] path, byte[] value, byte[] encoding, Hash hash) {
    super(encoding, hash);
    this.path = path;
    this.value = value;
  }

  @Override
  byte[] encode() {
    byte[] compactPath = Nibbles.compact(path, true);
    int payload = stringLength(compactPath) + stringLength(value);
    byte[] out = new byte[Rlp.headerLength(payload) + payload];
    int pos = Rlp.writeHeader(out, 0, 0xc0, payload);
    pos = writeString(out, pos, compactPath);
    writeString(out, pos, value);
    return out;
  }
}
