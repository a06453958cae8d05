package io.citrate.benchmarks;

import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * A block DAG shaped like a live network: blocks are produced at a fixed rate, and each producer sees
 * only the blocks made at least one network delay before its own, so rate × delay blocks are in flight
 * at once and the DAG is about that wide. Each block's parents are the tips of what its producer sees.
 * Deterministic for a given seed.
 */
public final class SyntheticDag {

  /** One block: its hash and its parents, all produced earlier. */
  public record Block(Hash hash, List<Hash> parents) {}

  private SyntheticDag() {}

  /**
   * @param blocks how many blocks after genesis
   * @param blocksPerSecond production rate
   * @param delayMillis how long a block takes to reach every producer
   * @param maxParents most parents a block names (the newest tips are kept)
   */
  public static List<Block> generate(int blocks, int blocksPerSecond, int delayMillis, int maxParents, long seed) {
    Random random = new Random(seed);
    List<Block> dag = new ArrayList<>(blocks + 1);
    long[] producedAt = new long[blocks + 1];
    dag.add(new Block(hashOf(0), List.of()));
    long intervalMicros = 1_000_000L / blocksPerSecond;
    long now = 0;
    // Tips as seen by a producer: visible blocks no visible block names as parent, oldest first.
    LinkedHashSet<Integer> visibleTips = new LinkedHashSet<>(List.of(0));
    int visibleUpTo = 0;
    for (int i = 1; i <= blocks; i++) {
      now += 1 + random.nextInt((int) (2 * intervalMicros));
      producedAt[i] = now;
      while (visibleUpTo + 1 < i && producedAt[visibleUpTo + 1] + delayMillis * 1000L <= now) {
        visibleUpTo++;
        for (Hash parent : dag.get(visibleUpTo).parents()) {
          visibleTips.remove(indexOf(parent));
        }
        // Visibility follows production order, so nothing visible names this block yet.
        visibleTips.add(visibleUpTo);
      }
      List<Integer> tips = new ArrayList<>(visibleTips);
      List<Integer> chosen = tips.subList(Math.max(0, tips.size() - maxParents), tips.size());
      List<Hash> parents = new ArrayList<>(chosen.size());
      chosen.stream().map(SyntheticDag::hashOf).sorted().forEach(parents::add);
      dag.add(new Block(hashOf(i), parents));
    }
    return dag;
  }

  /** The hash of block {@code index}: its index in the first eight bytes, so it can be read back. */
  public static Hash hashOf(int index) {
    byte[] bytes = Keccak256.hash(ByteBuffer.allocate(8).putLong(index).array()).toArray();
    ByteBuffer.wrap(bytes).putLong(index);
    return Hash.wrapUnsafe(bytes);
  }

  private static int indexOf(Hash hash) {
    return (int) ByteBuffer.wrap(hash.unsafeBytes()).getLong();
  }
}
