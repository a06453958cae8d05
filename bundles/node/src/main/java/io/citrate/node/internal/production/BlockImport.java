package io.citrate.node.internal.production;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.Consensus;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.internal.execution.Acceptance;
import io.citrate.node.internal.execution.ChainExecution;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes a block, produced here or received, through validation, consensus, execution and commit: hands its
 * body (and the acceptance its producer computed, if it was this node) to execution, submits the header, and
 * returns what consensus concluded for it and for every orphan it released.
 */
public final class BlockImport {
  private final Consensus consensus;
  private final ChainExecution execution;

  public BlockImport(Consensus consensus, ChainExecution execution) {
    this.consensus = consensus;
    this.execution = execution;
  }

  /**
   * A block arriving for import.
   *
   * @param computed its acceptance when this node produced it
   */
  public record Arrival(BlockHeader header, List<Transaction> transactions, Optional<Acceptance> computed) {
    public Arrival {
      Objects.requireNonNull(header, "header");
      transactions = List.copyOf(transactions);
      Objects.requireNonNull(computed, "computed");
    }
  }

  public List<BlockOutcome> importBlock(Arrival arrival) {
    Hash hash = arrival.header().hash();
    execution.expectBody(hash, arrival.transactions());
    arrival.computed().ifPresent(acceptance -> execution.expectAcceptance(hash, acceptance));
    try {
      return consensus.submit(arrival.header());
    } finally {
      execution.forget(hash);
    }
  }
}
