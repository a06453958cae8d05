package io.citrate.consensus.internal.reachability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import org.junit.jupiter.api.Test;

class ReachabilityDataTest {
  private static final Hash A = TestDag.hash(1);
  private static final Hash B = TestDag.hash(2);
  private static final Hash C = TestDag.hash(3);

  @Test
  void rootAndLeafRoundTrip() {
    ReachabilityData root = ReachabilityData.root(Interval.maximal()).withChildAppended(A).withChildAppended(B);
    ReachabilityData leaf = ReachabilityData.leaf(A, Interval.of(7, 9), 3)
        .withFutureCoveringItemAt(0, C)
        .withFutureCoveringItemAt(0, B);

    assertThat(ReachabilityData.decode(root.encode())).isEqualTo(root);
    ReachabilityData decoded = ReachabilityData.decode(leaf.encode());
    assertThat(decoded).isEqualTo(leaf);
    assertThat(decoded.parent()).contains(A);
    assertThat(decoded.futureCoveringSet()).containsExactly(B, C);
    assertThat(root.isRoot()).isTrue();
    assertThat(root.children()).containsExactly(A, B);
  }

  @Test
  void encodingIsTheDocumentedRlpList() {
    ReachabilityData leaf = ReachabilityData.leaf(A, Interval.of(256, 0x1_0000), 1);
    byte[] expected = Rlp.encodeList(
        Rlp.encodeBytes(A.toArray()), Rlp.EMPTY_LIST, Rlp.encodeLong(256), Rlp.encodeLong(0x1_0000), Rlp.encodeLong(1),
        Rlp.EMPTY_LIST);
    assertThat(leaf.encode()).isEqualTo(expected);
  }

  @Test
  void malformedRecordsAreInconsistentData() {
    byte[] shortParent = Rlp.encodeList(Rlp.encodeBytes(new byte[] {1, 2}), Rlp.EMPTY_LIST, Rlp.encodeLong(1),
        Rlp.encodeLong(1), Rlp.encodeLong(0), Rlp.EMPTY_LIST);
    byte[] trailing = Rlp.encodeList(Rlp.EMPTY_STRING, Rlp.EMPTY_LIST, Rlp.encodeLong(1), Rlp.encodeLong(1),
        Rlp.encodeLong(0), Rlp.EMPTY_LIST, Rlp.EMPTY_LIST);
    byte[] backwards = Rlp.encodeList(Rlp.EMPTY_STRING, Rlp.EMPTY_LIST, Rlp.encodeLong(9), Rlp.encodeLong(1),
        Rlp.encodeLong(0), Rlp.EMPTY_LIST);
    byte[] nonCanonicalInteger = Rlp.encodeList(Rlp.EMPTY_STRING, Rlp.EMPTY_LIST, Rlp.encodeBytes(new byte[] {0, 1}),
        Rlp.encodeLong(1), Rlp.encodeLong(0), Rlp.EMPTY_LIST);

    for (byte[] bad : new byte[][] {shortParent, trailing, backwards, nonCanonicalInteger, new byte[] {(byte) 0xc5}}) {
      assertThatThrownBy(() -> ReachabilityData.decode(bad))
          .isInstanceOfSatisfying(ReachabilityException.class,
              e -> assertThat(e.reason()).isEqualTo(ReachabilityException.Reason.DATA_INCONSISTENCY))
          .hasMessageStartingWith("malformed reachability record");
    }
  }
}
