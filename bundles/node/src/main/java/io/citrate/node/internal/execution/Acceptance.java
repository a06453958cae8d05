package io.citrate.node.internal.execution;

import io.citrate.core.api.Hash;
import io.citrate.store.api.WriteBatch;
import java.util.Objects;

/**
 * A computed acceptance: the record to store, what the header must commit to, and the state writes.
 *
 * @param inputs what it was computed from
 * @param record what the block accepted, with the resulting state root
 * @param receiptsRoot root of the receipts trie over everything accepted
 * @param logsBloom union of the receipts' blooms
 * @param stateWrites the new state's trie nodes
 */
public record Acceptance(AcceptanceInputs inputs, AcceptanceRecord record, Hash receiptsRoot, byte[] logsBloom,
    WriteBatch stateWrites) {
  public Acceptance {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    logsBloom = logsBloom.clone();
    Objects.requireNonNull(stateWrites, "stateWrites");
  }

  @Override
  public byte[] logsBloom() {
    return logsBloom.clone();
  }
}
