package io.citrate.consensus.internal.ghostdag;

import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.consensus.internal.reachability.ReachabilityService;
import io.citrate.consensus.internal.store.GhostdagStoreReader;
import io.citrate.consensus.internal.store.RelationsStoreReader;
import io.citrate.core.api.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GHOSTDAG colouring, as in Sompolinsky, Wyborski and Zohar, "PHANTOM GHOSTDAG: a scalable
 * generalization of Nakamoto consensus" (AFT 2021), following Kaspa's {@code protocol.rs}.
 *
 * <p>A new block B inherits the blue set of its selected parent SP, the parent with the highest
 * (blue work, hash). The rest of its mergeset, past(B) \ past(SP), is visited in ascending (blue work,
 * hash) order, and a candidate C is coloured blue only if the blue set stays a k-cluster:
 * <ol>
 *   <li>|anticone(C) ∩ blues(B)| ≤ k: C does not see more than k blues it cannot order, and
 *   <li>for every blue X in anticone(C) ∩ blues(B), X's blue anticone size seen from B is still below
 *       k, so adding C does not push any existing blue past k.
 * </ol>
 * At most k + 1 mergeset blues are accepted, the selected parent included. Otherwise C is red.
 * blueScore(B) = blueScore(SP) + |mergeset blues| and blueWork(B) = blueWork(SP) + Σ work(X) over the
 * mergeset blues. Blue anticone sizes are kept per chain block and found by walking the selected-parent
 * chain down from B.
 *
 * <p>Sees only store readers and the reachability service; writes nothing.
 */
public final class GhostdagProtocol {
  private final int k;
  private final Hash genesis;
  private final GhostdagStoreReader ghostdagStore;
  private final ReachabilityService reachability;
  private final BlockWork blockWork;
  private final MergesetFinder mergesetFinder;

  public GhostdagProtocol(
      ConsensusParameters parameters,
      Hash genesis,
      GhostdagStoreReader ghostdagStore,
      RelationsStoreReader relationsStore,
      ReachabilityService reachability,
      BlockWork blockWork) {
    this.k = parameters.ghostdagK();
    this.genesis = genesis;
    this.ghostdagStore = ghostdagStore;
    this.reachability = reachability;
    this.blockWork = blockWork;
    this.mergesetFinder = new MergesetFinder(relationsStore, reachability, parameters.mergesetSizeLimit());
  }

  /** The data of genesis, which has no past. */
  public GhostdagData genesisData() {
    return GhostdagData.genesis();
  }

  /**
   * Computes the GHOSTDAG data of a new block with {@code parents}, whose data must all be stored.
   *
   * @throws GhostdagRuleException when the parents break a GHOSTDAG rule
   */
  public GhostdagData ghostdag(List<Hash> parents) {
    checkParents(parents);
    Hash selectedParent = findSelectedParent(parents);
    List<Hash> candidates = sortAscending(mergesetFinder.unorderedWithoutSelectedParent(selectedParent, parents));

    NewBlock newBlock = new NewBlock(selectedParent);
    for (Hash candidate : candidates) {
      if (checkBlueCandidate(newBlock, candidate) instanceof ColoringOutput.Blue blue) {
        newBlock.addBlue(candidate, blue.anticoneSize(), blue.bluesAnticoneSizes());
      } else {
        newBlock.reds.add(candidate);
      }
    }

    GhostdagData selectedParentData = newBlock.chainData(selectedParent);
    long blueScore = Math.addExact(selectedParentData.blueScore(), newBlock.blues.size());
    BigInteger blueWork = selectedParentData.blueWork();
    for (Hash blue : newBlock.blues) {
      blueWork = blueWork.add(workOf(blue));
    }
    return new GhostdagData(
        blueScore, blueWork, selectedParent, newBlock.blues, newBlock.reds, newBlock.bluesAnticoneSizes);
  }

  /** The parent with the highest (blue work, hash). */
  public Hash findSelectedParent(Collection<Hash> parents) {
    SortableBlock best = null;
    for (Hash parent : parents) {
      SortableBlock candidate = new SortableBlock(parent, ghostdagStore.blueWork(parent));
      if (best == null || candidate.compareTo(best) > 0) {
        best = candidate;
      }
    }
    if (best == null) {
      throw new GhostdagRuleException.NoParents();
    }
    return best.hash();
  }

  /** {@code blocks} in ascending (blue work, hash) order. */
  public List<Hash> sortAscending(Collection<Hash> blocks) {
    List<SortableBlock> sortable = new ArrayList<>(blocks.size());
    for (Hash block : blocks) {
      sortable.add(new SortableBlock(block, ghostdagStore.blueWork(block)));
    }
    sortable.sort(null);
    List<Hash> sorted = new ArrayList<>(sortable.size());
    sortable.forEach(block -> sorted.add(block.hash()));
    return sorted;
  }

  /**
   * The mergeset in the order execution accepts it (Kaspa's {@code consensus_ordered_mergeset}): the
   * selected parent first, then blues and reds together in ascending (blue work, hash) order. That is a
   * topological order: work is positive, so an ancestor always has less blue work than its descendant,
   * and the rest of the mergeset is in the selected parent's anticone. Empty for genesis.
   */
  public List<Hash> consensusOrderedMergeset(GhostdagData data) {
    if (data.selectedParent().equals(GhostdagData.ORIGIN)) {
      return List.of();
    }
    List<Hash> ordered = new ArrayList<>(data.mergesetSize());
    ordered.add(data.selectedParent());
    ordered.addAll(ascendingMergesetWithoutSelectedParent(data));
    return ordered;
  }

  /** Mergeset blues after the selected parent and mergeset reds, in ascending (blue work, hash) order. */
  public List<Hash> ascendingMergesetWithoutSelectedParent(GhostdagData data) {
    List<Hash> mergeset = new ArrayList<>(data.mergesetSize());
    if (!data.mergesetBlues().isEmpty()) {
      mergeset.addAll(data.mergesetBlues().subList(1, data.mergesetBlues().size()));
    }
    mergeset.addAll(data.mergesetReds());
    return sortAscending(mergeset);
  }

  private void checkParents(List<Hash> parents) {
    if (parents.isEmpty()) {
      throw new GhostdagRuleException.NoParents();
    }
    Set<Hash> seen = new HashSet<>();
    for (Hash parent : parents) {
      if (!seen.add(parent)) {
        throw new GhostdagRuleException.DuplicateParent(parent);
      }
      if (!ghostdagStore.has(parent)) {
        throw new GhostdagRuleException.UnknownParent(parent);
      }
    }
  }

  /**
   * Walks the selected-parent chain down from the new block, checking the candidate against the
   * mergeset blues of each chain block, until a chain block in the candidate's past settles it blue.
   */
  private ColoringOutput checkBlueCandidate(NewBlock newBlock, Hash candidate) {
    // The selected parent is one of the k + 1.
    if (newBlock.blues.size() == k + 1) {
      return ColoringOutput.Red.INSTANCE;
    }
    CandidateAnticone anticone = new CandidateAnticone();
    ColoringState state = checkBlueCandidateWithChainBlock(newBlock, newBlock.blues, candidate, anticone);
    Hash chainBlock = newBlock.selectedParent;
    while (state == ColoringState.PENDING) {
      // Once a chain block is in the candidate's past, so are all blues it inherited: nothing more to check.
      if (reachability.isDagAncestorOf(chainBlock, candidate)) {
        state = ColoringState.BLUE;
      } else {
        GhostdagData chainData = newBlock.chainData(chainBlock);
        state = checkBlueCandidateWithChainBlock(newBlock, chainData.mergesetBlues(), candidate, anticone);
        chainBlock = chainData.selectedParent();
      }
    }
    return state == ColoringState.BLUE
        ? new ColoringOutput.Blue(anticone.size, anticone.bluesAnticoneSizes)
        : ColoringOutput.Red.INSTANCE;
  }

  private ColoringState checkBlueCandidateWithChainBlock(
      NewBlock newBlock, List<Hash> chainBlockBlues, Hash candidate, CandidateAnticone anticone) {
    for (Hash blue : chainBlockBlues) {
      if (reachability.isDagAncestorOf(blue, candidate)) {
        continue;
      }
      int blueAnticoneSize = blueAnticoneSize(blue, newBlock);
      anticone.bluesAnticoneSizes.put(blue, blueAnticoneSize);
      anticone.size++;
      if (anticone.size > k) {
        return ColoringState.RED; // the candidate would see more than k blues in its anticone
      }
      if (blueAnticoneSize == k) {
        return ColoringState.RED; // a blue in the candidate's anticone already has k blues in its own
      }
      if (blueAnticoneSize > k) {
        throw new IllegalStateException("blue " + blue + " has a blue anticone of " + blueAnticoneSize + " > k");
      }
    }
    return ColoringState.PENDING;
  }

  /** The blue anticone size of {@code blue}, a block of the new block's blue set, seen from the new block. */
  private int blueAnticoneSize(Hash blue, NewBlock newBlock) {
    Integer size = newBlock.bluesAnticoneSizes.get(blue);
    Hash chainBlock = newBlock.selectedParent;
    while (size == null) {
      GhostdagData chainData = newBlock.chainData(chainBlock);
      size = chainData.bluesAnticoneSizes().get(blue);
      if (size == null && chainBlock.equals(genesis)) {
        throw new IllegalStateException("block " + blue + " is not in the blue set of the new block");
      }
      chainBlock = chainData.selectedParent();
    }
    return size;
  }

  private BigInteger workOf(Hash block) {
    BigInteger work = blockWork.of(block);
    if (work.signum() <= 0) {
      throw new IllegalStateException("block work must be positive, got " + work + " for " + block);
    }
    return work;
  }

  /** What checking one candidate against one chain block's blues concluded. */
  private enum ColoringState {
    BLUE,
    RED,
    PENDING
  }

  /** The colour of one candidate; a blue carries the anticone sizes it changes. */
  private sealed interface ColoringOutput {
    record Blue(int anticoneSize, Map<Hash, Integer> bluesAnticoneSizes) implements ColoringOutput {}

    enum Red implements ColoringOutput {
      INSTANCE
    }
  }

  /** The candidate's blue anticone, found so far while walking the chain. */
  private static final class CandidateAnticone {
    int size;
    final Map<Hash, Integer> bluesAnticoneSizes = new LinkedHashMap<>();
  }

  /** The new block's colouring in progress, and the chain blocks' data read for it. */
  private final class NewBlock {
    final Hash selectedParent;
    final List<Hash> blues = new ArrayList<>();
    final List<Hash> reds = new ArrayList<>();
    final Map<Hash, Integer> bluesAnticoneSizes = new HashMap<>();
    private final Map<Hash, GhostdagData> chainData = new HashMap<>();

    NewBlock(Hash selectedParent) {
      this.selectedParent = selectedParent;
      blues.add(selectedParent);
      bluesAnticoneSizes.put(selectedParent, 0);
    }

    void addBlue(Hash block, int anticoneSize, Map<Hash, Integer> anticoneBluesSizes) {
      blues.add(block);
      bluesAnticoneSizes.put(block, anticoneSize);
      anticoneBluesSizes.forEach((blue, size) -> bluesAnticoneSizes.put(blue, size + 1));
    }

    GhostdagData chainData(Hash chainBlock) {
      return chainData.computeIfAbsent(chainBlock, ghostdagStore::get);
    }
  }
}
