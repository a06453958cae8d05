package io.citrate.vm.api;

import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.tx.TransactionType;
import java.util.List;

/**
 * What executing a transaction produced, as an Ethereum receipt carries it.
 *
 * @param type the type of the transaction, which prefixes the receipt's encoding
 * @param success false when the top frame reverted or halted; its state changes are then undone, fees still paid
 * @param gasUsed gas charged to the sender after refunds
 * @param cumulativeGasUsed gas used in the block up to and including this transaction
 * @param logs logs of a successful transaction, in order; none on failure
 * @param logsBloom the 256-byte bloom filter over the logs' addresses and topics
 */
public record TransactionReceipt(TransactionType type, boolean success, long gasUsed, long cumulativeGasUsed,
    List<Log> logs, byte[] logsBloom) {
  private static final byte[] STATUS_SUCCESS = {1};
  private static final byte[] STATUS_FAILURE = {};

  public TransactionReceipt {
    logs = List.copyOf(logs);
    logsBloom = logsBloom.clone();
  }

  /**
   * The consensus encoding: {@code rlp([status, cumulativeGasUsed, logsBloom, logs])}, prefixed by the type byte
   * for typed transactions (EIP-2718). Gas used alone is not part of it.
   */
  public byte[] encode() {
    byte[][] encodedLogs = new byte[logs.size()][];
    for (int i = 0; i < encodedLogs.length; i++) {
      encodedLogs[i] = logs.get(i).encode();
    }
    byte[] payload = Rlp.encodeList(Rlp.encodeBytes(success ? STATUS_SUCCESS : STATUS_FAILURE),
        Rlp.encodeLong(cumulativeGasUsed), Rlp.encodeBytes(logsBloom), Rlp.encodeList(encodedLogs));
    if (type == TransactionType.LEGACY) {
      return payload;
    }
    byte[] typed = new byte[payload.length + 1];
    typed[0] = (byte) type.typeByte();
    System.arraycopy(payload, 0, typed, 1, payload.length);
    return typed;
  }

  @Override
  public byte[] logsBloom() {
    return logsBloom.clone();
  }
}
