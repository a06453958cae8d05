package io.citrate.node.internal.execution;

import io.citrate.core.api.Hash;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.rlp.RlpReader;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionDecoder;
import io.citrate.store.api.KeyRange;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.StoreName;
import io.citrate.store.api.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node's own records beside consensus's: block bodies, what each block accepted, the index from a
 * transaction to the chain block that accepted it, and the head whose state is current. Every write is staged
 * into the batch of the block that causes it, so these records and the DAG never disagree on disk.
 */
public final class ChainStore {
  static final StoreName BODIES = StoreName.of("node-bodies");
  static final StoreName ACCEPTANCE = StoreName.of("node-acceptance");
  static final StoreName TRANSACTION_INDEX = StoreName.of("node-transaction-index");
  static final StoreName HEAD = StoreName.of("node-head");
  /** Transactions the pool acknowledged and no chain block has accepted yet, to refill the pool on start. */
  static final StoreName PENDING_TRANSACTIONS = StoreName.of("node-pending-transactions");
  private static final byte[] HEAD_KEY = {'h', 'e', 'a', 'd'};

  private ChainStore() {}

  /** The transactions of a block's body, in order; empty when the block is unknown. */
  public static Optional<List<Transaction>> body(KeyValueStoreReader store, Hash block) {
    return store.get(BODIES, block.unsafeBytes()).map(ChainStore::decodeBody);
  }

  public static Optional<AcceptanceRecord> acceptance(KeyValueStoreReader store, Hash block) {
    return store.get(ACCEPTANCE, block.unsafeBytes()).map(AcceptanceRecord::decode);
  }

  /** The chain block that accepted {@code transaction} and its index there, while the chain holds it. */
  public static Optional<IndexEntry> indexEntry(KeyValueStoreReader store, Hash transaction) {
    return store.get(TRANSACTION_INDEX, transaction.unsafeBytes()).map(encoded -> {
      RlpReader fields = RlpReader.of(encoded).enterList();
      return new IndexEntry(Hash.wrap(fields.readBytes(Hash.SIZE, "chain block")), (int) fields.readLong("index"));
    });
  }

  /** The block whose state is current: the sink as last committed. */
  public static Optional<Hash> head(KeyValueStoreReader store) {
    return store.get(HEAD, HEAD_KEY).map(Hash::wrap);
  }

  /** Journals a transaction the pool has taken, so a restart does not lose it. */
  public static void stagePendingTransaction(WriteBatch batch, Transaction transaction) {
    batch.put(PENDING_TRANSACTIONS, transaction.hash().toArray(), transaction.encoded());
  }

  public static void stagePendingTransactionRemoval(WriteBatch batch, Hash transaction) {
    batch.delete(PENDING_TRANSACTIONS, transaction.toArray());
  }

  /** Every journaled transaction's encoding, in hash order. */
  public static List<byte[]> pendingTransactions(KeyValueStoreReader store) {
    List<byte[]> encoded = new ArrayList<>();
    store.scan(PENDING_TRANSACTIONS, KeyRange.all(), (key, value) -> encoded.add(value));
    return encoded;
  }

  static void stageBody(WriteBatch batch, Hash block, List<Transaction> transactions) {
    List<byte[]> encoded = new ArrayList<>(transactions.size());
    for (Transaction transaction : transactions) {
      encoded.add(Rlp.encodeBytes(transaction.encoded()));
    }
    batch.put(BODIES, block.toArray(), Rlp.encodeList(encoded));
  }

  static void stageAcceptance(WriteBatch batch, Hash block, AcceptanceRecord record) {
    batch.put(ACCEPTANCE, block.toArray(), record.encode());
  }

  static void stageIndexEntry(WriteBatch batch, Hash transaction, Hash chainBlock, int index) {
    batch.put(TRANSACTION_INDEX, transaction.toArray(),
        Rlp.encodeList(Rlp.encodeBytes(chainBlock.unsafeBytes()), Rlp.encodeLong(index)));
  }

  static void stageIndexRemoval(WriteBatch batch, Hash transaction) {
    batch.delete(TRANSACTION_INDEX, transaction.toArray());
  }

  static void stageHead(WriteBatch batch, Hash head) {
    batch.put(HEAD, HEAD_KEY.clone(), head.toArray());
  }

  private static List<Transaction> decodeBody(byte[] encoded) {
    RlpReader items = RlpReader.of(encoded).enterList();
    List<Transaction> transactions = new ArrayList<>();
    while (items.hasNext()) {
      transactions.add(TransactionDecoder.decode(items.readBytes()));
    }
    return transactions;
  }

  /** Where the selected chain accepted a transaction. */
  public record IndexEntry(Hash chainBlock, int index) {}
}
