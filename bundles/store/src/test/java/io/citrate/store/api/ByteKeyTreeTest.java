package io.citrate.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ByteKeyTreeTest {

  private static List<byte[]> keys(ByteKeyTree tree, KeyRange range, boolean descending) {
    List<byte[]> keys = new ArrayList<>();
    if (descending) {
      tree.scanDescending(range, (key, value) -> keys.add(key));
    } else {
      tree.scan(range, (key, value) -> keys.add(key));
    }
    return keys;
  }

  @Test
  void behavesLikeASortedMapUnderRandomUpdatesAndStaysBalanced() {
    Random random = new Random(20240611);
    TreeMap<byte[], byte[]> expected = new TreeMap<>(Arrays::compareUnsigned);
    ByteKeyTree tree = ByteKeyTree.EMPTY;
    for (int step = 0; step < 20_000; step++) {
      byte[] key = new byte[1 + random.nextInt(3)];
      random.nextBytes(key);
      if (random.nextInt(3) == 0) {
        expected.remove(key);
        tree = tree.remove(key);
      } else {
        byte[] value = new byte[random.nextInt(4)];
        random.nextBytes(value);
        expected.put(key, value);
        tree = tree.put(key, value);
      }
    }

    assertThat(tree.size()).isEqualTo(expected.size());
    assertThat(tree.bytes()).isEqualTo(
        expected.entrySet().stream().mapToLong(entry -> entry.getKey().length + entry.getValue().length).sum());
    assertThat(keys(tree, KeyRange.all(), false)).containsExactlyElementsOf(expected.keySet());
    assertThat(keys(tree, KeyRange.all(), true)).containsExactlyElementsOf(expected.descendingKeySet());
    byte[] from = {0x40};
    byte[] to = {(byte) 0xc0, 0x10};
    assertThat(keys(tree, KeyRange.between(from, to), false))
        .containsExactlyElementsOf(expected.subMap(from, true, to, false).keySet());
    assertThat(keys(tree, KeyRange.between(from, to), true))
        .containsExactlyElementsOf(expected.subMap(from, true, to, false).descendingKeySet());
    for (Map.Entry<byte[], byte[]> entry : expected.entrySet()) {
      assertThat(tree.get(entry.getKey())).isEqualTo(entry.getValue());
    }
    // An AVL tree is never taller than 1.44 log2(n + 2).
    assertThat((double) tree.height()).isLessThanOrEqualTo(1.44 * Math.log(tree.size() + 2) / Math.log(2));
  }

  @Test
  void everyVersionStaysReadableAfterLaterUpdates() {
    ByteKeyTree first = ByteKeyTree.EMPTY.put(new byte[] {1}, new byte[] {10});
    ByteKeyTree second = first.put(new byte[] {1}, new byte[] {11}).put(new byte[] {2}, new byte[] {20});
    ByteKeyTree third = second.remove(new byte[] {1});

    assertThat(first.get(new byte[] {1})).containsExactly(10);
    assertThat(first.size()).isEqualTo(1);
    assertThat(second.get(new byte[] {1})).containsExactly(11);
    assertThat(third.get(new byte[] {1})).isNull();
    assertThat(third.size()).isEqualTo(1);
    assertThat(third.remove(new byte[] {9})).isSameAs(third);
  }
}
