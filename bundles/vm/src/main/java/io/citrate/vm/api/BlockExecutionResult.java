package io.citrate.vm.api;

import io.citrate.core.api.Hash;
import java.util.List;
import java.util.Objects;

/**
 * What executing a block's transactions produced.
 *
 * @param stateRoot the world state root after the block, which its header commits to
 * @param receiptsRoot root of the trie of the receipts keyed by RLP of their index
 * @param logsBloom the union of the receipts' blooms
 * @param receipts one per executed transaction, in order
 * @param skipped the transactions that did not fit, in order
 * @param gasUsed gas used by the executed transactions
 * @param blobGasUsed blob gas of the executed transactions (EIP-4844)
 */
public record BlockExecutionResult(Hash stateRoot, Hash receiptsRoot, byte[] logsBloom,
    List<TransactionReceipt> receipts, List<SkippedTransaction> skipped, long gasUsed, long blobGasUsed) {
  public BlockExecutionResult {
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    logsBloom = logsBloom.clone();
    receipts = List.copyOf(receipts);
    skipped = List.copyOf(skipped);
  }

  @Override
  public byte[] logsBloom() {
    return logsBloom.clone();
  }
}
