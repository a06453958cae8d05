package io.citrate.consensus.internal.ghostdag;

import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.internal.reachability.DfsReachabilityService;
import io.citrate.consensus.internal.reachability.KeyValueReachabilityStore;
import io.citrate.consensus.internal.reachability.ReachabilityIndex;
import io.citrate.consensus.internal.reachability.ReachabilityWriter;
import io.citrate.consensus.internal.reachability.ReindexParameters;
import io.citrate.consensus.internal.reachability.ReachabilityService;
import io.citrate.consensus.internal.reachability.StagingReachabilityStore;
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
   * The oracle GHOSTDAG's unit and property tests grow, so that they test GHOSTDAG alone; the conformance
   * test goes through the reachability index instead ({@link #withReachabilityIndex}).
   */
  static GrowingReachability newReachability() {
    return closureReachability();
  }

  /** The transitive-closure oracle: constant-time answers, for the large fixtures. */
  static GrowingReachability closureReachability() {
    ClosureReachabilityService closure = new ClosureReachabilityService();
    return growing(closure, closure::add);
  }

  /** The DFS oracle, which walks parents on every query. */
  static GrowingReachability dfsReachability() {
    DfsReachabilityService dfs = new DfsReachabilityService();
    return growing(dfs, dfs::add);
  }

  /** How an oracle learns a block. */
  @FunctionalInterface
  private interface Growth {
    void add(Hash block, List<Hash> parents, Hash selectedParent);
  }

  private static GrowingReachability growing(ReachabilityService answers, Growth growth) {
    return new GrowingReachability() {
      @Override
      public void add(Hash block, List<Hash> parents, Hash selectedParent) {
        growth.add(block, parents, selectedParent);
      }

      @Override
      public boolean isChainAncestorOf(Hash ancestor, Hash descendant) {
        return answers.isChainAncestorOf(ancestor, descendant);
      }

      @Override
      public boolean isDagAncestorOf(Hash ancestor, Hash descendant) {
        return answers.isDagAncestorOf(ancestor, descendant);
      }
    };
  }

  final KeyValueStore store;
  final KeyValueGhostdagStore ghostdagStore;
  final KeyValueRelationsStore relationsStore;
  final ReachabilityService reachability;
  final GhostdagProtocol protocol;
  /** Set when the test grows an oracle; null when it grows the reachability index in the same store. */
  private final GrowingReachability oracle;
  private final KeyValueReachabilityStore indexStore;
  private Hash selectedTip;

  TestDag(KeyValueStore store, ConsensusParameters parameters, Hash genesis, BlockWork work) {
    this(store, parameters, genesis, work, newReachability());
  }

  TestDag(KeyValueStore store, ConsensusParameters parameters, Hash genesis, BlockWork work,
      GrowingReachability reachability) {
    this(store, parameters, genesis, work, reachability, null);
  }

  /**
   * A DAG whose ancestry questions go to the production reachability index, staged into each block's
   * batch beside its GHOSTDAG data, exactly as the pipeline commits a block.
   */
  static TestDag withReachabilityIndex(KeyValueStore store, ConsensusParameters parameters, Hash genesis,
      BlockWork work) {
    return new TestDag(store, parameters, genesis, work, null, new KeyValueReachabilityStore(store, 100_000));
  }

  private TestDag(KeyValueStore store, ConsensusParameters parameters, Hash genesis, BlockWork work,
      GrowingReachability oracle, KeyValueReachabilityStore indexStore) {
    this.store = store;
    this.ghostdagStore = new KeyValueGhostdagStore(store);
    this.relationsStore = new KeyValueRelationsStore(store);
    this.oracle = oracle;
    this.indexStore = indexStore;
    this.reachability = oracle != null ? oracle : new ReachabilityIndex(indexStore);
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
    if (indexStore != null) {
      stageReachability(batch, block, parents, data);
    }
    store.commit(batch);
    if (oracle != null) {
      oracle.add(block, parents, parents.isEmpty() ? null : data.selectedParent());
    }
  }

  private void stageReachability(WriteBatch batch, Hash block, List<Hash> parents, GhostdagData data) {
    StagingReachabilityStore staging = new StagingReachabilityStore(indexStore);
    ReachabilityWriter writer = new ReachabilityWriter(staging, ReindexParameters.DEFAULT);
    if (parents.isEmpty()) {
      writer.initialize(block);
      selectedTip = block;
    } else {
      writer.addBlock(block, data.selectedParent(), protocol.ascendingMergesetWithoutSelectedParent(data));
      GhostdagData tipData = ghostdagStore.get(selectedTip);
      int byWork = data.blueWork().compareTo(tipData.blueWork());
      if (byWork > 0 || (byWork == 0 && block.compareTo(selectedTip) > 0)) {
        writer.hintVirtualSelectedParent(block);
        selectedTip = block;
      }
    }
    staging.commit(batch);
  }
}
