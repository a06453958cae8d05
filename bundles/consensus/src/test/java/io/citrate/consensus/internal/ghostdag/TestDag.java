package io.citrate.consensus.internal.ghostdag;

import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.internal.reachability.DfsReachabilityService;
import io.citrate.consensus.internal.reachability.ReachabilityService;
import io.citrate.consensus.internal.store.KeyValueGhostdagStore;
import io.citrate.consensus.internal.store.KeyValueRelationsStore;
import io.citrate.core.api.Hash;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.WriteBatch;
import java.util.List;

/**
 * A DAG grown block by block through GHOSTDAG over key-value stores, the way the pipeline does it: compute,
 * stage ghostdag data and relations into one batch, commit, then tell reachability.
 */
final class TestDag {

  /** A reachability service the test grows as blocks arrive. */
  interface GrowingReachability extends ReachabilityService {
    void add(Hash block, List<Hash> parents, Hash selectedParent);
  }

  /**
   * The one place that picks the reachability implementation for GHOSTDAG tests: a naive oracle until
   * the reachability index lands, then the index.
   */
  static GrowingReachability newReachability() {
    return closureReachability();
  }

  /** The transitive-closure oracle: constant-time answers, for the large fixtures. */
  static GrowingReachability closureReachability() {
    ClosureReachabilityService closure = new ClosureReachabilityService();
    return new GrowingReachability() {
      @Override
      public void add(Hash block, List<Hash> parents, Hash selectedParent) {
        closure.add(block, parents, selectedParent);
      }

      @Override
      public boolean isChainAncestorOf(Hash ancestor, Hash descendant) {
        return closure.isChainAncestorOf(ancestor, descendant);
      }

      @Override
      public boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
        return closure.isDagAncestorOf(ancestor, descendant);
      }
    };
  }

  /** The DFS oracle, which walks parents on every query. */
  static GrowingReachability dfsReachability() {
    DfsReachabilityService dfs = new DfsReachabilityService();
    return new GrowingReachability() {
      @Override
      public void add(Hash block, List<Hash> parents, Hash selectedParent) {
        dfs.add(block, parents, selectedParent);
      }

      @Override
      public boolean isChainAncestorOf(Hash ancestor, Hash descendant) {
        return dfs.isChainAncestorOf(ancestor, descendant);
      }

      @Override
      public boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
        return dfs.isDagAncestorOf(ancestor, descendant);
      }
    };
  }

  final KeyValueStore store;
  final KeyValueGhostdagStore ghostdagStore;
  final KeyValueRelationsStore relationsStore;
  final GrowingReachability reachability;
  final GhostdagProtocol protocol;

  TestDag(KeyValueStore store, ConsensusParameters parameters, Hash genesis, BlockWork work) {
    this(store, parameters, genesis, work, newReachability());
  }

  TestDag(KeyValueStore store, ConsensusParameters parameters, Hash genesis, BlockWork work,
      GrowingReachability reachability) {
    this.store = store;
    this.ghostdagStore = new KeyValueGhostdagStore(store);
    this.relationsStore = new KeyValueRelationsStore(store);
    this.reachability = reachability;
    this.protocol = new GhostdagProtocol(parameters, genesis, ghostdagStore, relationsStore, reachability, work);
    commit(genesis, List.of(), protocol.genesisData());
  }

  /** Colours a new block with {@code parents}, stores it and returns its data. */
  GhostdagData add(Hash block, List<Hash> parents) {
    GhostdagData data = protocol.ghostdag(parents);
    commit(block, parents, data);
    return data;
  }

  private void commit(Hash block, List<Hash> parents, GhostdagData data) {
    WriteBatch batch = new WriteBatch();
    ghostdagStore.insertBatch(batch, block, data);
    relationsStore.insertBatch(batch, block, parents);
    store.commit(batch);
    reachability.add(block, parents, parents.isEmpty() ? null : data.selectedParent());
  }
}
