package io.citrate.consensus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GhostdagDataTest {
  private static final Hash A = hash(1);
  private static final Hash B = hash(2);
  private static final Hash C = hash(3);

  static Hash hash(int n) {
    byte[] bytes = new byte[Hash.SIZE];
    bytes[0] = (byte) n;
    return Hash.wrapUnsafe(bytes);
  }

  private static GhostdagData sample() {
    Map<Hash, Integer> sizes = new LinkedHashMap<>();
    sizes.put(C, 1);
    sizes.put(A, 0);
    sizes.put(B, 2);
    return new GhostdagData(7, BigInteger.valueOf(1_000_000_007L), B, List.of(B, A), List.of(C), sizes);
  }

  @Test
  void encodingRoundTrips() {
    GhostdagData data = sample();

    assertThat(GhostdagData.decode(data.encode())).isEqualTo(data);
    assertThat(GhostdagData.decode(GhostdagData.genesis().encode())).isEqualTo(GhostdagData.genesis());
  }

  @Test
  void anticoneSizesIterateInAscendingHashOrder() {
    assertThat(sample().bluesAnticoneSizes().keySet()).containsExactly(A, B, C);
  }

  @Test
  void equalDataEncodesIdentically() {
    Map<Hash, Integer> reversed = new LinkedHashMap<>();
    reversed.put(B, 2);
    reversed.put(A, 0);
    reversed.put(C, 1);
    GhostdagData same = new GhostdagData(7, BigInteger.valueOf(1_000_000_007L), B, List.of(B, A), List.of(C), reversed);

    assertThat(same.encode()).isEqualTo(sample().encode());
  }

  @Test
  void decodeRejectsAnticoneSizesOutOfOrder() {
    byte[] unordered = Rlp.encodeList(Rlp.encodeLong(1), Rlp.encodeBigInteger(BigInteger.ONE), Rlp.encodeBytes(B.toArray()),
        Rlp.encodeList(Rlp.encodeBytes(B.toArray())), Rlp.encodeList(),
        Rlp.encodeList(
            Rlp.encodeList(Rlp.encodeBytes(B.toArray()), Rlp.encodeLong(0)),
            Rlp.encodeList(Rlp.encodeBytes(A.toArray()), Rlp.encodeLong(0))));

    assertThatThrownBy(() -> GhostdagData.decode(unordered))
        .isInstanceOf(RlpException.class).hasMessageContaining("ascending");
  }

  @Test
  void decodeRejectsTrailingBytesAndInconsistentData() {
    byte[] encoded = sample().encode();
    byte[] trailing = new byte[encoded.length + 1];
    System.arraycopy(encoded, 0, trailing, 0, encoded.length);
    byte[] missingSize = Rlp.encodeList(Rlp.encodeLong(1), Rlp.encodeBigInteger(BigInteger.ONE),
        Rlp.encodeBytes(B.toArray()), Rlp.encodeList(Rlp.encodeBytes(B.toArray())), Rlp.encodeList(), Rlp.encodeList());

    assertThatThrownBy(() -> GhostdagData.decode(trailing)).isInstanceOf(RlpException.class);
    assertThatThrownBy(() -> GhostdagData.decode(missingSize))
        .isInstanceOf(RlpException.class).hasMessageContaining("no blue anticone size");
  }

  @Test
  void rejectsInconsistentData() {
    assertThatThrownBy(() -> new GhostdagData(1, BigInteger.ONE, B, List.of(A), List.of(), Map.of(A, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first mergeset blue");
    assertThatThrownBy(() -> new GhostdagData(1, BigInteger.ONE, B, List.of(B), List.of(B), Map.of(B, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> new GhostdagData(-1, BigInteger.ONE, B, List.of(B), List.of(), Map.of(B, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> new GhostdagData(0, BigInteger.ZERO, GhostdagData.ORIGIN, List.of(B), List.of(), Map.of(B, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("genesis");
    assertThatThrownBy(() -> new GhostdagData(1, BigInteger.ONE.negate(), B, List.of(B), List.of(), Map.of(B, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blue work");
  }
}
