package io.citrate.vm.api;

import java.util.List;

/**
 * What executing a transaction produced, as an Ethereum receipt carries it.
 *
 * @param success false when the top frame reverted or halted; its state changes are then undone, fees still paid
 * @param gasUsed gas charged to the sender after refunds
 * @param cumulativeGasUsed gas used in the block up to and including this transaction
 * @param logs logs of a successful transaction, in order; none on failure
 * @param logsBloom the 256-byte bloom filter over the logs' addresses and topics
 */
public record TransactionReceipt(boolean success, long gasUsed, long cumulativeGasUsed, List<Log> logs,
    byte[] logsBloom) {
  public TransactionReceipt {
    logs = List.copyOf(logs);
    logsBloom = logsBloom.clone();
  }

  @Override
  public byte[] logsBloom() {
    return logsBloom.clone();
  }
}
