package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.Node;
import io.citrate.node.api.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The priority fee (tip) to suggest, after geth's gas price oracle (its defaults: 20 blocks, 60th percentile, 500
 * gwei cap), simplified: the {@value #PERCENTILE}th percentile of the effective tips that the last {@value #BLOCKS}
 * chain blocks accepted, each tip being what its transaction paid above its block's base fee. The suggestion is
 * never below {@link #FLOOR} (1 gwei: on a quiet chain the tips say nothing about demand, and a transaction
 * following the suggestion should still outbid those that tip nothing) and never above {@link #CEILING} (so a few
 * lavish senders cannot drive every wallet's fees up). It is computed once per head and remembered until the head
 * moves.
 */
final class TipOracle {
  static final int BLOCKS = 20;
  static final int PERCENTILE = 60;
  static final Wei FLOOR = Wei.ofGwei(1);
  static final Wei CEILING = Wei.ofGwei(500);

  private record Suggestion(Hash head, Wei tip) {}

  private final Node node;
  private volatile Suggestion last;

  TipOracle(Node node) {
    this.node = node;
  }

  /** The tip to suggest for the next block. */
  Wei suggestedTip() {
    return suggestedTip(node.status());
  }

  /** The base fee of the next block plus the suggested tip: a legacy gas price that gets a transaction in. */
  Wei suggestedGasPrice() {
    NodeStatus status = node.status();
    return status.nextBaseFee().add(suggestedTip(status));
  }

  private Wei suggestedTip(NodeStatus status) {
    Suggestion remembered = last;
    if (remembered != null && remembered.head().equals(status.head())) {
      return remembered.tip();
    }
    Wei tip = fromRecentTips(status.headNumber());
    last = new Suggestion(status.head(), tip);
    return tip;
  }

  private Wei fromRecentTips(long headNumber) {
    List<Wei> tips = new ArrayList<>();
    for (long number = headNumber; number >= 0 && number > headNumber - BLOCKS; number--) {
      Optional<BlockAcceptance> block = node.chainBlock(number);
      if (block.isEmpty()) {
        continue;
      }
      Wei baseFee = block.get().header().baseFeePerGas();
      for (AcceptedTransaction accepted : block.get().transactions()) {
        tips.add(effectiveTip(accepted.transaction(), baseFee));
      }
    }
    if (tips.isEmpty()) {
      return FLOOR;
    }
    tips.sort(null);
    Wei percentile = tips.get((tips.size() - 1) * PERCENTILE / 100);
    return percentile.max(FLOOR).min(CEILING);
  }

  /** What {@code transaction} paid per gas above {@code baseFee}, which a block that accepted it covers. */
  static Wei effectiveTip(Transaction transaction, Wei baseFee) {
    return transaction.effectiveGasPrice(baseFee).subtract(baseFee);
  }
}
