package io.citrate.consensus.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrphanPoolTest {
  private static final Hash P1 = hash(1);
  private static final Hash P2 = hash(2);
  private static final Hash P3 = hash(3);

  @Test
  void releasesAnOrphanOnlyWhenAllItsMissingParentsArrived() {
    OrphanPool pool = new OrphanPool(10);
    BlockHeader child = header(10, P1, P2);
    assertThat(pool.add(child, Set.of(P1, P2))).isTrue();

    assertThat(pool.parentProcessed(P1)).isEmpty();
    assertThat(pool.contains(child.hash())).isTrue();
    assertThat(pool.parentProcessed(P2)).containsExactly(child);
    assertThat(pool.size()).isZero();
  }

  @Test
  void releasesSiblingsInArrivalOrder() {
    OrphanPool pool = new OrphanPool(10);
    BlockHeader first = header(10, P1);
    BlockHeader second = header(11, P1);
    pool.add(first, List.of(P1));
    pool.add(second, List.of(P1));
    assertThat(pool.parentProcessed(P1)).containsExactly(first, second);
  }

  @Test
  void ignoresADuplicate() {
    OrphanPool pool = new OrphanPool(10);
    BlockHeader child = header(10, P1);
    assertThat(pool.add(child, List.of(P1))).isTrue();
    assertThat(pool.add(child, List.of(P1))).isFalse();
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void aFloodEvictsTheOldestAndStaysBounded() {
    OrphanPool pool = new OrphanPool(3);
    for (int i = 0; i < 100; i++) {
      pool.add(header(100 + i, P1), List.of(P1));
    }
    assertThat(pool.size()).isEqualTo(3);
    assertThat(pool.parentProcessed(P1)).extracting(BlockHeader::timestamp).containsExactly(197L, 198L, 199L);
  }

  @Test
  void removingAnOrphanForgetsWhatItWaitedFor() {
    OrphanPool pool = new OrphanPool(10);
    BlockHeader child = header(10, P1, P3);
    pool.add(child, List.of(P1, P3));
    pool.remove(child.hash());
    assertThat(pool.contains(child.hash())).isFalse();
    assertThat(pool.parentProcessed(P1)).isEmpty();
    assertThat(pool.parentProcessed(P3)).isEmpty();
  }

  @Test
  void refusesAnOrphanWithNothingMissingAndABadCapacity() {
    OrphanPool pool = new OrphanPool(1);
    assertThatThrownBy(() -> pool.add(header(1, P1), List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrphanPool(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static BlockHeader header(long timestamp, Hash... parents) {
    return BlockHeader.builder().parents(List.of(parents)).timestamp(timestamp).gasLimit(1).vrfProof(new byte[1]).build();
  }

  private static Hash hash(int n) {
    byte[] bytes = new byte[32];
    bytes[31] = (byte) n;
    return Hash.wrap(bytes);
  }
}
