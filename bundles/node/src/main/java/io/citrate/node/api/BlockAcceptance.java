package io.citrate.node.api;

import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.vm.api.SkippedTransaction;
import java.util.List;
import java.util.Objects;

/**
 * What a block accepted, computed as if it were on the selected chain: the transactions of the blocks it
 * merged, in GHOSTDAG order, then its own. For a block on the selected chain this is the Ethereum block.
 *
 * @param header the block's header, whose state and receipts roots commit to this acceptance
 * @param selectedParent the chain block before it: its parent to Ethereum clients; {@link Hash#ZERO} for genesis
 * @param number its position on its own selected-parent chain: the Ethereum block number
 * @param transactions what it executed, in order
 * @param skipped merged transactions that no longer fitted, in order; they changed nothing
 * @param gasUsed gas used by everything it executed
 */
public record BlockAcceptance(BlockHeader header, Hash selectedParent, long number, List<AcceptedTransaction> transactions,
    List<SkippedTransaction> skipped, long gasUsed) {
  public BlockAcceptance {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(selectedParent, "selectedParent");
    transactions = List.copyOf(transactions);
    skipped = List.copyOf(skipped);
  }

  public Hash hash() {
    return header.hash();
  }
}
