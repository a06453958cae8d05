package io.citrate.node.internal.execution;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpException;
import io.citrate.core.api.rlp.RlpReader;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.vm.api.Log;
import io.citrate.vm.api.SkippedTransaction;
import io.citrate.vm.api.TransactionReceipt;
import io.citrate.vm.api.TransactionRejectionReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the node stores about each valid block: the execution facts its children need (number, state root,
 * gas, base fee, producer, timestamp) and what it accepted (which transaction from which body, the receipts,
 * the skipped ones). Written in the block's own batch, never changed afterwards.
 *
 * @param number position on the block's own selected-parent chain
 * @param selectedParent its selected parent; {@link Hash#ZERO} for genesis
 * @param timestamp unix milliseconds
 * @param producer who produced it
 * @param stateRoot the state after its acceptance
 * @param gasLimit the budget of its own transactions
 * @param ownGasUsed gas used by its own transactions: what its header declares
 * @param baseFee the base fee every transaction it accepted paid
 * @param accepted what it executed, in order
 * @param receipts one per accepted transaction, gas counted across all of them
 * @param skipped merged transactions that no longer fitted
 */
public record AcceptanceRecord(long number, Hash selectedParent, long timestamp, Address producer, Hash stateRoot,
    long gasLimit, long ownGasUsed, Wei baseFee, List<Entry> accepted, List<TransactionReceipt> receipts,
    List<SkippedTransaction> skipped) {

  /** Stands for the block the record belongs to in {@link Entry#includedIn()}. */
  public static final Hash SELF = Hash.ZERO;

  /**
   * One accepted transaction: the block whose body carries it ({@link #SELF} for the accepting block itself)
   * and its position there.
   */
  public record Entry(Hash transaction, Hash includedIn, int indexInBody) {
    public Entry {
      Objects.requireNonNull(transaction, "transaction");
      Objects.requireNonNull(includedIn, "includedIn");
    }
  }

  public AcceptanceRecord {
    accepted = List.copyOf(accepted);
    receipts = List.copyOf(receipts);
    skipped = List.copyOf(skipped);
    if (accepted.size() != receipts.size()) {
      throw new IllegalArgumentException(accepted.size() + " accepted transactions but " + receipts.size()
          + " receipts");
    }
  }

  /** Gas used by everything accepted. */
  public long gasUsed() {
    return receipts.isEmpty() ? 0 : receipts.get(receipts.size() - 1).cumulativeGasUsed();
  }

  public byte[] encode() {
    List<byte[]> entries = new ArrayList<>(accepted.size());
    for (Entry entry : accepted) {
      entries.add(Rlp.encodeList(Rlp.encodeBytes(entry.transaction().unsafeBytes()),
          Rlp.encodeBytes(entry.includedIn().unsafeBytes()), Rlp.encodeLong(entry.indexInBody())));
    }
    List<byte[]> encodedReceipts = new ArrayList<>(receipts.size());
    for (TransactionReceipt receipt : receipts) {
      encodedReceipts.add(Rlp.encodeList(Rlp.encodeLong(receipt.type().typeByte()),
          Rlp.encodeLong(receipt.success() ? 1 : 0), Rlp.encodeLong(receipt.gasUsed()),
          Rlp.encodeLong(receipt.cumulativeGasUsed()), Rlp.encodeBytes(receipt.logsBloom()), encodeLogs(receipt.logs())));
    }
    List<byte[]> encodedSkipped = new ArrayList<>(skipped.size());
    for (SkippedTransaction skip : skipped) {
      encodedSkipped.add(Rlp.encodeList(Rlp.encodeBytes(skip.transactionHash().unsafeBytes()),
          Rlp.encodeBytes(skip.reason().name().getBytes(StandardCharsets.US_ASCII)),
          Rlp.encodeBytes(skip.detail().getBytes(StandardCharsets.UTF_8))));
    }
    return Rlp.encodeList(Rlp.encodeLong(number), Rlp.encodeBytes(selectedParent.unsafeBytes()),
        Rlp.encodeLong(timestamp), Rlp.encodeBytes(producer.unsafeBytes()), Rlp.encodeBytes(stateRoot.unsafeBytes()),
        Rlp.encodeLong(gasLimit), Rlp.encodeLong(ownGasUsed), Rlp.encodeBigInteger(baseFee.toBigInteger()),
        Rlp.encodeList(entries), Rlp.encodeList(encodedReceipts), Rlp.encodeList(encodedSkipped));
  }

  private static byte[] encodeLogs(List<Log> logs) {
    List<byte[]> encoded = new ArrayList<>(logs.size());
    for (Log log : logs) {
      encoded.add(log.encode());
    }
    return Rlp.encodeList(encoded);
  }

  public static AcceptanceRecord decode(byte[] encoded) {
    RlpReader fields = RlpReader.of(encoded).enterList();
    long number = fields.readLong("number");
    Hash selectedParent = Hash.wrap(fields.readBytes(Hash.SIZE, "selected parent"));
    long timestamp = fields.readLong("timestamp");
    Address producer = Address.wrap(fields.readBytes(Address.SIZE, "producer"));
    Hash stateRoot = Hash.wrap(fields.readBytes(Hash.SIZE, "state root"));
    long gasLimit = fields.readLong("gas limit");
    long ownGasUsed = fields.readLong("own gas used");
    Wei baseFee = Wei.of(fields.readBigInteger(32, "base fee"));
    List<Entry> accepted = new ArrayList<>();
    RlpReader entries = fields.enterList();
    while (entries.hasNext()) {
      RlpReader entry = entries.enterList();
      accepted.add(new Entry(Hash.wrap(entry.readBytes(Hash.SIZE, "transaction")),
          Hash.wrap(entry.readBytes(Hash.SIZE, "included in")), (int) entry.readLong("index in body")));
    }
    List<TransactionReceipt> receipts = new ArrayList<>();
    RlpReader encodedReceipts = fields.enterList();
    while (encodedReceipts.hasNext()) {
      RlpReader receipt = encodedReceipts.enterList();
      int typeByte = (int) receipt.readLong("type");
      TransactionType type = typeByte == 0 ? TransactionType.LEGACY : TransactionType.ofTypeByte(typeByte)
          .orElseThrow(() -> new RlpException("unknown receipt type " + typeByte));
      boolean success = receipt.readLong("status") == 1;
      long gasUsed = receipt.readLong("gas used");
      long cumulative = receipt.readLong("cumulative gas used");
      byte[] bloom = receipt.readBytes();
      List<Log> logs = new ArrayList<>();
      RlpReader encodedLogs = receipt.enterList();
      while (encodedLogs.hasNext()) {
        RlpReader log = encodedLogs.enterList();
        Address address = Address.wrap(log.readBytes(Address.SIZE, "log address"));
        List<Hash> topics = new ArrayList<>();
        RlpReader encodedTopics = log.enterList();
        while (encodedTopics.hasNext()) {
          topics.add(Hash.wrap(encodedTopics.readBytes(Hash.SIZE, "topic")));
        }
        logs.add(new Log(address, topics, log.readBytes()));
      }
      receipts.add(new TransactionReceipt(type, success, gasUsed, cumulative, logs, bloom));
    }
    List<SkippedTransaction> skipped = new ArrayList<>();
    RlpReader encodedSkipped = fields.enterList();
    while (encodedSkipped.hasNext()) {
      RlpReader skip = encodedSkipped.enterList();
      skipped.add(new SkippedTransaction(Hash.wrap(skip.readBytes(Hash.SIZE, "skipped transaction")),
          TransactionRejectionReason.valueOf(new String(skip.readBytes(), StandardCharsets.US_ASCII)),
          new String(skip.readBytes(), StandardCharsets.UTF_8)));
    }
    return new AcceptanceRecord(number, selectedParent, timestamp, producer, stateRoot, gasLimit, ownGasUsed, baseFee,
        accepted, receipts, skipped);
  }
}
