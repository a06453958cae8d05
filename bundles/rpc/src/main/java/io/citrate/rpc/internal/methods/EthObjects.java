package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.tx.AccessListEntry;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.vm.api.Log;
import io.citrate.vm.api.TransactionReceipt;
import java.util.List;
import java.util.Optional;

/**
 * Blocks, transactions, receipts and logs as Ethereum's JSON-RPC writes them (geth's field names and encodings),
 * from the Ethereum view of the DAG: a chain block is an Ethereum block whose transactions are those it accepted,
 * whose parent is its selected parent and whose timestamp is in seconds. Fields Ethereum has and a DAG does not
 * (uncles, difficulty, nonce, withdrawals, blobs) carry their post-merge empty values.
 */
final class EthObjects {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ZERO_NONCE = "0x0000000000000000";
  private static final String ZERO_HASH = Hash.ZERO.toHex();

  private EthObjects() {}

  /** A block's header fields, as {@code newHeads} notifications carry them. */
  static ObjectNode header(BlockAcceptance block) {
    BlockHeader header = block.header();
    ObjectNode json = NODES.objectNode();
    json.put("number", Quantities.quantity(block.number()));
    json.put("hash", block.hash().toHex());
    json.put("parentHash", block.selectedParent().toHex());
    json.put("nonce", ZERO_NONCE);
    json.put("sha3Uncles", Hash.EMPTY_LIST.toHex());
    json.put("logsBloom", Bytes.toHex(header.logsBloom()));
    json.put("transactionsRoot", header.transactionsRoot().toHex());
    json.put("stateRoot", header.stateRoot().toHex());
    json.put("receiptsRoot", header.receiptsRoot().toHex());
    json.put("miner", header.producer().toHex());
    json.put("difficulty", "0x0");
    json.put("totalDifficulty", "0x0");
    json.put("extraData", Bytes.toHex(header.extraData()));
    json.put("gasLimit", Quantities.quantity(header.gasLimit()));
    json.put("gasUsed", Quantities.quantity(block.gasUsed()));
    json.put("timestamp", Quantities.quantity(header.timestamp() / 1_000));
    json.put("baseFeePerGas", header.baseFeePerGas().toHexString());
    json.put("mixHash", Keccak256.hash(header.vrfProof()).toHex());
    json.put("withdrawalsRoot", Hash.EMPTY_TRIE_ROOT.toHex());
    json.put("blobGasUsed", "0x0");
    json.put("excessBlobGas", "0x0");
    json.put("parentBeaconBlockRoot", ZERO_HASH);
    return json;
  }

  /** The block with its transactions, in full or as hashes. */
  static ObjectNode block(BlockAcceptance block, boolean fullTransactions) {
    ObjectNode json = header(block);
    long size = block.header().encode().length;
    ArrayNode transactions = json.putArray("transactions");
    for (AcceptedTransaction accepted : block.transactions()) {
      size += accepted.transaction().encoded().length;
      if (fullTransactions) {
        transactions.add(transaction(accepted, block));
      } else {
        transactions.add(accepted.transaction().hash().toHex());
      }
    }
    json.put("size", Quantities.quantity(size));
    json.putArray("uncles");
    json.putArray("withdrawals");
    return json;
  }

  /** A transaction the chain accepted, with where. */
  static ObjectNode transaction(AcceptedTransaction accepted, BlockAcceptance block) {
    Transaction transaction = accepted.transaction();
    ObjectNode json = NODES.objectNode();
    json.put("blockHash", block.hash().toHex());
    json.put("blockNumber", Quantities.quantity(block.number()));
    writeTransaction(json, transaction, Optional.of(block.header().baseFeePerGas()));
    json.put("transactionIndex", Quantities.quantity(accepted.index()));
    return json;
  }

  /** A transaction no block has accepted yet: block fields are null. */
  static ObjectNode pendingTransaction(Transaction transaction) {
    ObjectNode json = NODES.objectNode();
    json.putNull("blockHash");
    json.putNull("blockNumber");
    writeTransaction(json, transaction, Optional.empty());
    json.putNull("transactionIndex");
    return json;
  }

  private static void writeTransaction(ObjectNode json, Transaction transaction, Optional<Wei> baseFee) {
    json.put("from", transaction.sender().toHex());
    json.put("gas", Quantities.quantity(transaction.gasLimit()));
    // Once mined, geth reports the price the transaction paid; pending, its fee cap.
    json.put("gasPrice", baseFee.map(transaction::effectiveGasPrice).orElse(transaction.gasFeeCap()).toHexString());
    transaction.maxFeePerGas().ifPresent(fee -> json.put("maxFeePerGas", fee.toHexString()));
    transaction.maxPriorityFeePerGas().ifPresent(tip -> json.put("maxPriorityFeePerGas", tip.toHexString()));
    transaction.maxFeePerBlobGas().ifPresent(fee -> json.put("maxFeePerBlobGas", fee.toHexString()));
    json.put("hash", transaction.hash().toHex());
    json.put("input", Bytes.toHex(transaction.data()));
    json.put("nonce", Quantities.quantity(transaction.nonce()));
    if (transaction.to().isPresent()) {
      json.put("to", transaction.to().get().toHex());
    } else {
      json.putNull("to");
    }
    json.put("value", transaction.value().toHexString());
    json.put("type", Quantities.quantity(transaction.type().typeByte()));
    if (transaction.type() != TransactionType.LEGACY) {
      json.set("accessList", accessList(transaction.accessList()));
    }
    if (!transaction.blobVersionedHashes().isEmpty()) {
      ArrayNode hashes = json.putArray("blobVersionedHashes");
      transaction.blobVersionedHashes().forEach(hash -> hashes.add(hash.toHex()));
    }
    transaction.chainId().ifPresent(chainId -> json.put("chainId", Quantities.quantity(chainId)));
    json.put("v", Quantities.quantity(transaction.v()));
    json.put("r", Quantities.quantity(transaction.signature().r()));
    json.put("s", Quantities.quantity(transaction.signature().s()));
    if (transaction.type() != TransactionType.LEGACY) {
      json.put("yParity", Quantities.quantity(transaction.signature().recoveryId()));
    }
  }

  static ArrayNode accessList(List<AccessListEntry> entries) {
    ArrayNode list = NODES.arrayNode();
    for (AccessListEntry entry : entries) {
      ObjectNode item = list.addObject();
      item.put("address", entry.address().toHex());
      ArrayNode keys = item.putArray("storageKeys");
      entry.storageKeys().forEach(key -> keys.add(key.toHex()));
    }
    return list;
  }

  /**
   * The receipt of {@code accepted}; {@code firstLogIndex} is the block-wide index of its first log (the number
   * of logs the block's earlier transactions emitted).
   */
  static ObjectNode receipt(AcceptedTransaction accepted, BlockAcceptance block, int firstLogIndex) {
    Transaction transaction = accepted.transaction();
    TransactionReceipt receipt = accepted.receipt();
    ObjectNode json = NODES.objectNode();
    json.put("blockHash", block.hash().toHex());
    json.put("blockNumber", Quantities.quantity(block.number()));
    if (transaction.isContractCreation()) {
      json.put("contractAddress", createdContract(transaction).toHex());
    } else {
      json.putNull("contractAddress");
    }
    json.put("cumulativeGasUsed", Quantities.quantity(receipt.cumulativeGasUsed()));
    json.put("effectiveGasPrice", transaction.effectiveGasPrice(block.header().baseFeePerGas()).toHexString());
    json.put("from", transaction.sender().toHex());
    json.put("gasUsed", Quantities.quantity(receipt.gasUsed()));
    ArrayNode logs = json.putArray("logs");
    List<Log> emitted = receipt.logs();
    for (int i = 0; i < emitted.size(); i++) {
      logs.add(log(emitted.get(i), accepted, block, firstLogIndex + i, false));
    }
    json.put("logsBloom", Bytes.toHex(receipt.logsBloom()));
    json.put("status", receipt.success() ? "0x1" : "0x0");
    if (transaction.to().isPresent()) {
      json.put("to", transaction.to().get().toHex());
    } else {
      json.putNull("to");
    }
    json.put("transactionHash", transaction.hash().toHex());
    json.put("transactionIndex", Quantities.quantity(accepted.index()));
    json.put("type", Quantities.quantity(transaction.type().typeByte()));
    return json;
  }

  /** A log as {@code eth_getLogs} and {@code logs} subscriptions write it; {@code removed} after a reorganisation. */
  static ObjectNode log(Log log, AcceptedTransaction accepted, BlockAcceptance block, int logIndex, boolean removed) {
    return log(log, accepted.transaction().hash(), accepted.index(), block.hash(), block.number(), logIndex, removed);
  }

  /** As {@link #log(Log, AcceptedTransaction, BlockAcceptance, int, boolean)}, from the transaction's hash. */
  static ObjectNode log(Log log, Hash transaction, int transactionIndex, Hash block, long number, int logIndex,
      boolean removed) {
    ObjectNode json = NODES.objectNode();
    json.put("address", log.address().toHex());
    ArrayNode topics = json.putArray("topics");
    log.topics().forEach(topic -> topics.add(topic.toHex()));
    json.put("data", Bytes.toHex(log.data()));
    json.put("blockNumber", Quantities.quantity(number));
    json.put("transactionHash", transaction.toHex());
    json.put("transactionIndex", Quantities.quantity(transactionIndex));
    json.put("blockHash", block.toHex());
    json.put("logIndex", Quantities.quantity(logIndex));
    json.put("removed", removed);
    return json;
  }

  /** The address a creation deploys to: the last 20 bytes of keccak(rlp([sender, nonce])). */
  static Address createdContract(Transaction creation) {
    byte[] encoded = Rlp.encodeList(Rlp.encodeBytes(creation.sender().unsafeBytes()), Rlp.encodeLong(creation.nonce()));
    return Address.fromHashTail(Keccak256.hash(encoded));
  }
}
