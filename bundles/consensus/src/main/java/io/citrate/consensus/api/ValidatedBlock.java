package io.citrate.consensus.api;

import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import java.util.List;
import java.util.Objects;

/**
 * A block that passed every consensus rule, as execution sees it.
 *
 * @param header the block's header
 * @param ghostdag its GHOSTDAG data: selected parent, mergeset blues and reds
 * @param mergesetInExecutionOrder the mergeset without the selected parent, blues and reds together, in
 *     ascending (blue work, hash) order: the order in which a chain block accepts the transactions of the
 *     blocks it merges, before its own
 * @param chainChange how the selected chain moves if this block is committed: {@link ChainChange#NONE}
 *     when it does not become the sink; for genesis, the chain that starts with it
 */
public record ValidatedBlock(BlockHeader header, GhostdagData ghostdag, List<Hash> mergesetInExecutionOrder,
    ChainChange chainChange) {

  public ValidatedBlock {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(ghostdag, "ghostdag");
    mergesetInExecutionOrder = List.copyOf(mergesetInExecutionOrder);
    Objects.requireNonNull(chainChange, "chainChange");
  }

  public Hash hash() {
    return header.hash();
  }

  /** Whether the block is genesis: it has no selected parent and accepts nothing but itself. */
  public boolean isGenesis() {
    return ghostdag.selectedParent().equals(GhostdagData.ORIGIN);
  }

  /** Whether the block becomes the sink, so the selected chain moves to end in it. */
  public boolean becomesSink() {
    return !chainChange.added().isEmpty();
  }

  /** Whether {@code block}, one of the mergeset, is blue in this block's view. */
  public boolean isBlue(Hash block) {
    return ghostdag.mergesetBlues().contains(block);
  }
}
