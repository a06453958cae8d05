package io.citrate.consensus.internal.reachability;

import io.citrate.core.api.Hash;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a DAG into a reachability writer and the DFS oracle side by side. The selected parent of a
 * block is its parent with the greatest tree height, ties to the greater hash: any fixed rule serves the
 * index. The mergeset is computed by walking back from the parents and stopping at the past of the
 * selected parent, asked of the index under test; every later query against the oracle checks it.
 */
final class TestDag {
  /** Where each block's writes go: one store throughout, or a staging store per block. */
  interface Transactions {
    ReachabilityStore begin();

    void end(ReachabilityStore staged);
  }

  private final ReindexParameters parameters;
  private ReachabilityStoreReader store;
  private ReachabilityIndex index;
  private Transactions transactions;
  private final DfsReachabilityService oracle = new DfsReachabilityService();
  private final Map<Hash, List<Hash>> parents = new HashMap<>();
  private final List<Hash> blocks = new ArrayList<>();
  private final boolean hintEveryBlock;
  private Hash selectedTip;

  TestDag(ReachabilityStore store, ReindexParameters parameters, boolean hintEveryBlock) {
    this.parameters = parameters;
    this.hintEveryBlock = hintEveryBlock;
    connect(store, new Transactions() {
      @Override
      public ReachabilityStore begin() {
        return store;
      }

      @Override
      public void end(ReachabilityStore staged) {}
    });
  }

  TestDag(ReachabilityStoreReader committed, Transactions transactions, ReindexParameters parameters, boolean hintEveryBlock) {
    this.parameters = parameters;
    this.hintEveryBlock = hintEveryBlock;
    connect(committed, transactions);
  }

  /** Continues on another store, e.g. the same data reopened; null transactions for queries only. */
  void connect(ReachabilityStoreReader committed, Transactions blockTransactions) {
    this.store = committed;
    this.index = new ReachabilityIndex(committed);
    this.transactions = blockTransactions;
  }

  /**
   * Block {@code n}'s hash: {@code n + 1} times the 64-bit golden ratio, then {@code n + 1}, big-endian.
   * The mix spreads the leading bytes, which {@link Hash#hashCode} reads, as real hashes do; the product
   * is a bijection, so distinct numbers get distinct hashes.
   */
  static Hash hash(long n) {
    return Hash.wrapUnsafe(ByteBuffer.allocate(Hash.SIZE).putLong((n + 1) * 0x9E3779B97F4A7C15L).putLong(n + 1).array());
  }

  TestDag genesis(Hash genesis, Interval capacity) {
    ReachabilityStore staged = transactions.begin();
    new ReachabilityWriter(staged, parameters).initialize(genesis, capacity);
    transactions.end(staged);
    oracle.add(genesis, List.of(), null);
    parents.put(genesis, List.of());
    blocks.add(genesis);
    selectedTip = genesis;
    return this;
  }

  TestDag add(Hash block, List<Hash> blockParents) {
    Hash selectedParent = selectedParent(blockParents);
    List<Hash> mergeset = mergeset(blockParents, selectedParent);
    ReachabilityStore staged = transactions.begin();
    ReachabilityWriter writer = new ReachabilityWriter(staged, parameters);
    writer.addBlock(block, selectedParent, mergeset);
    if (staged.get(block).height() > staged.get(selectedTip).height()) {
      selectedTip = block;
    }
    if (hintEveryBlock) {
      writer.hintVirtualSelectedParent(selectedTip);
    }
    transactions.end(staged);
    oracle.add(block, blockParents, selectedParent);
    parents.put(block, List.copyOf(blockParents));
    blocks.add(block);
    return this;
  }

  Hash selectedParent(List<Hash> blockParents) {
    Hash best = null;
    for (Hash parent : blockParents) {
      if (best == null || compareHeightThenHash(parent, best) > 0) {
        best = parent;
      }
    }
    return best;
  }

  private int compareHeightThenHash(Hash a, Hash b) {
    int byHeight = Long.compare(store.get(a).height(), store.get(b).height());
    return byHeight != 0 ? byHeight : a.compareTo(b);
  }

  /** past(block) less past(selected parent) less the selected parent, in a fixed order. */
  List<Hash> mergeset(List<Hash> blockParents, Hash selectedParent) {
    List<Hash> mergeset = new ArrayList<>();
    Set<Hash> visited = new HashSet<>();
    visited.add(selectedParent);
    Deque<Hash> queue = new ArrayDeque<>();
    for (Hash parent : blockParents) {
      if (visited.add(parent)) {
        queue.add(parent);
      }
    }
    while (!queue.isEmpty()) {
      Hash current = queue.poll();
      if (index.isDagAncestorOf(current, selectedParent)) {
        continue;
      }
      mergeset.add(current);
      for (Hash parent : parents.get(current)) {
        if (visited.add(parent)) {
          queue.add(parent);
        }
      }
    }
    return mergeset;
  }

  List<Hash> blocks() {
    return Collections.unmodifiableList(blocks);
  }

  List<Hash> parentsOf(Hash block) {
    return parents.get(block);
  }

  DfsReachabilityService oracle() {
    return oracle;
  }

  ReachabilityIndex index() {
    return index;
  }

  Hash selectedTip() {
    return selectedTip;
  }
}
