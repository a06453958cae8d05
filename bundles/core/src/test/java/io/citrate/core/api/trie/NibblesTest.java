package io.citrate.core.api.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Bytes;
import io.citrate.core.api.rlp.RlpException;
import org.junit.jupiter.api.Test;

class NibblesTest {

  @Test
  void hexPrefixEncodingFollowsTheYellowPaper() {
    assertThat(Nibbles.compact(new byte[] {1, 2, 3, 4, 5}, false)).isEqualTo(Bytes.fromHex("112345"));
    assertThat(Nibbles.compact(new byte[] {0, 1, 2, 3, 4, 5}, false)).isEqualTo(Bytes.fromHex("00012345"));
    assertThat(Nibbles.compact(new byte[] {0, 0xf, 1, 0xc, 0xb, 8}, true)).isEqualTo(Bytes.fromHex("200f1cb8"));
    assertThat(Nibbles.compact(new byte[] {0xf, 1, 0xc, 0xb, 8}, true)).isEqualTo(Bytes.fromHex("3f1cb8"));
    assertThat(Nibbles.compact(Nibbles.EMPTY, true)).isEqualTo(Bytes.fromHex("20"));
  }

  @Test
  void hexPrefixRoundTrips() {
    for (boolean leaf : new boolean[] {true, false}) {
      for (int length = 0; length < 6; length++) {
        byte[] path = new byte[length];
        for (int i = 0; i < length; i++) {
          path[i] = (byte) ((i * 7 + 3) & 0xf);
        }
        byte[] compact = Nibbles.compact(path, leaf);
        assertThat(Nibbles.fromCompact(compact)).isEqualTo(path);
        assertThat(Nibbles.isLeaf(compact)).isEqualTo(leaf);
      }
    }
  }

  @Test
  void malformedHexPrefixIsRejected() {
    assertThatThrownBy(() -> Nibbles.fromCompact(Bytes.EMPTY)).isInstanceOf(RlpException.class).hasMessage("empty hex-prefix path");
    assertThatThrownBy(() -> Nibbles.fromCompact(new byte[] {0x41})).isInstanceOf(RlpException.class).hasMessageContaining("flag 4");
    assertThatThrownBy(() -> Nibbles.fromCompact(new byte[] {0x01})).isInstanceOf(RlpException.class).hasMessageContaining("padding");
  }

  @Test
  void bytesAndNibblesConvert() {
    byte[] key = Bytes.fromHex("00ff7a");
    assertThat(Nibbles.fromBytes(key)).containsExactly(0, 0, 0xf, 0xf, 7, 0xa);
    assertThat(Nibbles.toBytes(Nibbles.fromBytes(key))).isEqualTo(key);
    assertThat(Nibbles.commonPrefix(new byte[] {1, 2, 3}, new byte[] {9, 1, 2, 4}, 1)).isEqualTo(2);
    assertThat(Nibbles.startsWith(new byte[] {9, 1, 2}, 1, new byte[] {1, 2})).isTrue();
    assertThat(Nibbles.startsWith(new byte[] {9, 1}, 1, new byte[] {1, 2})).isFalse();
    assertThat(Nibbles.equalsRest(new byte[] {9, 1, 2}, 1, new byte[] {1, 2})).isTrue();
    assertThat(Nibbles.equalsRest(new byte[] {9, 1, 2, 3}, 1, new byte[] {1, 2})).isFalse();
  }
}
