package io.citrate.txpool.internal;

import static io.citrate.txpool.api.RejectionReason.ALREADY_KNOWN;
import static io.citrate.txpool.api.RejectionReason.GAS_LIMIT_EXCEEDED;
import static io.citrate.txpool.api.RejectionReason.INSUFFICIENT_FUNDS;
import static io.citrate.txpool.api.RejectionReason.INTRINSIC_GAS;
import static io.citrate.txpool.api.RejectionReason.NONCE_TOO_HIGH;
import static io.citrate.txpool.api.RejectionReason.NONCE_TOO_LOW;
import static io.citrate.txpool.api.RejectionReason.OVERSIZED;
import static io.citrate.txpool.api.RejectionReason.REPLACEMENT_UNDERPRICED;
import static io.citrate.txpool.api.RejectionReason.SENDER_LIMIT;
import static io.citrate.txpool.api.RejectionReason.UNDERPRICED;
import static io.citrate.txpool.api.RejectionReason.UNSUPPORTED_TYPE;
import static io.citrate.txpool.api.RejectionReason.WRONG_CHAIN_ID;

import com.codahale.metrics.MetricRegistry;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.tx.InvalidTransactionException;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionDecoder;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.PoolState;
import io.citrate.txpool.api.PoolStatus;
import io.citrate.txpool.api.RejectionReason;
import io.citrate.txpool.api.TransactionPool;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool in memory. One lock guards the per-sender queues, the counts and the eviction index; admission
 * takes it only after the checks that need no pool state (size, chain id, gas limit, tip) and after reading
 * the sender's account, so decoding, sender recovery and state reads run in parallel on the callers' threads.
 *
 * <p>Eviction takes a sender's last transaction (its highest nonce) only, so it never opens a gap in front of
 * transactions it keeps. The eviction index holds each sender's last transaction in
 * {@link PooledTransaction#EVICTION_ORDER}; every change to a sender's queue takes that transaction out of
 * the index first and puts the new last one back after ({@link #detach}, {@link #attach}).
 */
public final class TransactionPoolService implements TransactionPool {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionPoolService.class);
  /** Best effective tip first, then first come. */
  private static final Comparator<Run> SELECTION_ORDER = Comparator
      .comparing((Run run) -> run.head.effectiveTip, Comparator.reverseOrder())
      .thenComparingLong(run -> run.head.sequence);

  private final PoolState state;
  private final PoolSettings settings;
  private final PoolMetrics metrics;
  private final AtomicLong arrivals = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  /** Read without the lock by {@link #get} and {@link #contains}; written under it. */
  private final Map<Hash, PooledTransaction> byHash = new ConcurrentHashMap<>();
  private final Map<Address, SenderQueue> senders = new HashMap<>();
  private final TreeSet<PooledTransaction> evictionIndex = new TreeSet<>(PooledTransaction.EVICTION_ORDER);
  private BigInteger baseFee;
  private int pendingCount;
  private long bytes;
  /** Incremented under the lock by each head change, so an admission knows its account read may be stale. */
  private volatile long headVersion;

  public TransactionPoolService(PoolState state, PoolSettings settings, MetricRegistry registry) {
    this.state = Objects.requireNonNull(state, "state");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.metrics = new PoolMetrics(registry, this::status);
    this.baseFee = state.baseFee().toBigInteger();
  }

  public PoolSettings settings() {
    return settings;
  }

  @Override
  public Admission add(Transaction transaction) {
    Objects.requireNonNull(transaction, "transaction");
    return record(admit(transaction, transaction.encoded().length));
  }

  @Override
  public Admission addEncoded(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length > settings.maxTransactionSize()) {
      return record(Admission.Rejected.of(Keccak256.hash(encoded), OVERSIZED,
          encoded.length + " bytes, limit " + settings.maxTransactionSize()));
    }
    Transaction transaction;
    try {
      transaction = TransactionDecoder.decode(encoded);
    } catch (InvalidTransactionException invalid) {
      return record(Admission.Rejected.of(null, RejectionReason.of(invalid.reason()), invalid.getMessage()));
    }
    return record(admit(transaction, encoded.length));
  }

  private Admission record(Admission admission) {
    if (admission instanceof Admission.Added) {
      metrics.added();
    } else if (admission instanceof Admission.Replaced) {
      metrics.replaced();
    } else if (admission instanceof Admission.Rejected rejected) {
      metrics.rejected(rejected.reason());
      LOG.debug("Rejected {}: {}", rejected.hash(), rejected.message());
    }
    return admission;
  }

  private Admission admit(Transaction transaction, int size) {
    Admission.Rejected invalid = checkStatic(transaction, size, false);
    if (invalid != null) {
      return invalid;
    }
    Address sender = transaction.sender();
    long version = headVersion;
    long nonce = state.nonce(sender);
    BigInteger balance = state.balance(sender).toBigInteger();
    PooledTransaction pooled = new PooledTransaction(transaction, size, arrivals.incrementAndGet());
    lock.lock();
    try {
      if (version != headVersion) {
        nonce = state.nonce(sender);
        balance = state.balance(sender).toBigInteger();
      }
      return admitLocked(pooled, nonce, balance);
    } finally {
      lock.unlock();
    }
  }

  /** The checks that need nothing but the transaction and the chain's constants; null when it passes them. */
  private Admission.Rejected checkStatic(Transaction transaction, int size, boolean reinjected) {
    Hash hash = transaction.hash();
    if (transaction.type() == TransactionType.BLOB) {
      return Admission.Rejected.of(hash, UNSUPPORTED_TYPE,
          "blob transactions (type 3) need their blob sidecars, which this pool does not keep");
    }
    if (size > settings.maxTransactionSize()) {
      return Admission.Rejected.of(hash, OVERSIZED, size + " bytes, limit " + settings.maxTransactionSize());
    }
    Optional<BigInteger> chainId = transaction.chainId();
    if (chainId.isEmpty() && !settings.allowUnprotected()) {
      return Admission.Rejected.of(hash, WRONG_CHAIN_ID,
          "no chain id: legacy transactions must be signed with EIP-155 replay protection");
    }
    long expectedChainId = state.chainId();
    if (chainId.isPresent() && !chainId.get().equals(BigInteger.valueOf(expectedChainId))) {
      return Admission.Rejected.of(hash, WRONG_CHAIN_ID, "chain id " + chainId.get() + ", expected " + expectedChainId);
    }
    long blockGasLimit = state.blockGasLimit();
    if (Long.compareUnsigned(transaction.gasLimit(), blockGasLimit) > 0) {
      return Admission.Rejected.of(hash, GAS_LIMIT_EXCEEDED,
          "gas limit " + Long.toUnsignedString(transaction.gasLimit()) + ", block gas limit " + blockGasLimit);
    }
    if (Long.compareUnsigned(transaction.gasLimit(), transaction.intrinsicGas()) < 0) {
      return Admission.Rejected.of(hash, INTRINSIC_GAS, "gas limit " + Long.toUnsignedString(transaction.gasLimit())
          + ", intrinsic gas " + transaction.intrinsicGas());
    }
    if (!reinjected && transaction.gasTipCap().lessThan(settings.minTip())) {
      return Admission.Rejected.of(hash, UNDERPRICED,
          "tip " + transaction.gasTipCap() + " wei, minimum " + settings.minTip() + " wei");
    }
    return null;
  }

  /** Takes {@code pooled} in against its sender's account at the head, then makes room for it or backs out. */
  private Admission admitLocked(PooledTransaction pooled, long accountNonce, BigInteger balance) {
    if (byHash.containsKey(pooled.hash)) {
      return Admission.Rejected.of(pooled.hash, ALREADY_KNOWN, "transaction " + pooled.hash);
    }
    pooled.price(baseFee);
    SenderQueue queue = senders.computeIfAbsent(pooled.sender, s -> new SenderQueue(s, accountNonce, balance));
    List<Eviction> evicted = new ArrayList<>(1);
    PooledTransaction replaced = null;
    Admission.Rejected rejection;
    detach(queue);
    try {
      drop(queue.advanceTo(accountNonce, balance));
      rejection = checkAgainstSender(queue, pooled);
      if (rejection == null) {
        replaced = queue.get(pooled.nonce);
        if (replaced != null) {
          remove(queue, replaced);
        } else if (queue.size() >= settings.senderCapacity()) {
          // checkAgainstSender let it in only below the sender's last nonce: that one makes way.
          PooledTransaction last = queue.tail();
          evicted.add(new Eviction(last, queue.accountNonce, queue.balance));
          remove(queue, last);
        }
        insert(queue, pooled);
      }
    } finally {
      attach(queue);
    }
    if (rejection != null) {
      return rejection;
    }
    while (byHash.size() > settings.capacity() || bytes > settings.maxBytes()) {
      PooledTransaction cheapest = evictionIndex.first();
      if (PooledTransaction.EVICTION_ORDER.compare(cheapest, pooled) >= 0) {
        boolean queued = !pooled.pending;
        backOut(pooled, replaced, evicted);
        return Admission.Rejected.of(pooled.hash, UNDERPRICED, full(queued));
      }
      SenderQueue owner = senders.get(cheapest.sender);
      evicted.add(new Eviction(cheapest, owner.accountNonce, owner.balance));
      detach(owner);
      remove(owner, cheapest);
      attach(owner);
    }
    if (!evicted.isEmpty()) {
      metrics.evicted(evicted.size());
      LOG.debug("Evicted {} to admit {}", evicted, pooled);
    }
    return replaced != null ? new Admission.Replaced(pooled.hash, replaced.hash)
        : new Admission.Added(pooled.hash, pooled.pending);
  }

  /** Why a transaction found no room, naming the cheapest one held, which it would have had to outrank. */
  private String full(boolean queued) {
    StringBuilder message = new StringBuilder("the pool is full (").append(byHash.size()).append(" transactions, ")
        .append(bytes).append(" bytes) and this one ").append(queued ? "is queued and " : "")
        .append("does not outrank the cheapest held");
    if (!evictionIndex.isEmpty()) {
      PooledTransaction cheapest = evictionIndex.first();
      message.append(" (effective tip ").append(cheapest.effectiveTipWei()).append(" wei, ")
          .append(cheapest.pending ? "pending" : "queued").append(')');
    }
    return message.append("; queued transactions are evicted before pending ones, then the lowest effective tip")
        .toString();
  }

  /** Nonce, replacement, funds and sender limit; null when {@code pooled} passes them. */
  private Admission.Rejected checkAgainstSender(SenderQueue queue, PooledTransaction pooled) {
    long nonce = pooled.nonce;
    if (Long.compareUnsigned(nonce, queue.accountNonce) < 0) {
      return Admission.Rejected.of(pooled.hash, NONCE_TOO_LOW, "nonce " + Long.toUnsignedString(nonce)
          + ", account nonce " + Long.toUnsignedString(queue.accountNonce));
    }
    if (Long.compareUnsigned(nonce - queue.accountNonce, settings.nonceWindow()) >= 0) {
      return Admission.Rejected.of(pooled.hash, NONCE_TOO_HIGH, "nonce " + Long.toUnsignedString(nonce)
          + ", account nonce " + Long.toUnsignedString(queue.accountNonce) + ", the pool holds nonces up to "
          + settings.nonceWindow() + " ahead");
    }
    PooledTransaction existing = queue.get(nonce);
    if (existing != null && !outbids(pooled, existing)) {
      return Admission.Rejected.of(pooled.hash, REPLACEMENT_UNDERPRICED, "replacing " + existing.hash
          + " needs a fee cap of at least " + bumped(existing.feeCap) + " wei and a tip of at least "
          + bumped(existing.tipCap) + " wei, both above the old ones; offered " + pooled.feeCap + " and "
          + pooled.tipCap);
    }
    if (pooled.cost.compareTo(queue.balance) > 0) {
      return Admission.Rejected.of(pooled.hash, INSUFFICIENT_FUNDS,
          "balance " + queue.balance + " wei, cost " + pooled.cost + " wei");
    }
    if (existing == null && queue.size() >= settings.senderCapacity()
        && Long.compareUnsigned(nonce, queue.tail().nonce) > 0) {
      return Admission.Rejected.of(pooled.hash, SENDER_LIMIT,
          queue.size() + " transactions held for " + pooled.sender + ", limit " + settings.senderCapacity());
    }
    return null;
  }

  /** Both the fee cap and the tip strictly higher than the old ones and at least the price bump above them. */
  private boolean outbids(PooledTransaction replacement, PooledTransaction old) {
    return replacement.feeCap.compareTo(old.feeCap) > 0 && replacement.tipCap.compareTo(old.tipCap) > 0
        && replacement.feeCap.compareTo(bumped(old.feeCap)) >= 0
        && replacement.tipCap.compareTo(bumped(old.tipCap)) >= 0;
  }

  private BigInteger bumped(BigInteger price) {
    return price.multiply(BigInteger.valueOf(100L + settings.priceBumpPercent())).divide(BigInteger.valueOf(100));
  }

  /** Undoes an admission that found no room: takes {@code pooled} out and puts back what it displaced. */
  private void backOut(PooledTransaction pooled, PooledTransaction replaced, List<Eviction> evicted) {
    SenderQueue queue = senders.get(pooled.sender);
    detach(queue);
    remove(queue, pooled);
    if (replaced != null) {
      insert(queue, replaced);
    }
    attach(queue);
    for (int i = evicted.size() - 1; i >= 0; i--) {
      Eviction eviction = evicted.get(i);
      SenderQueue owner = senders.computeIfAbsent(eviction.transaction.sender,
          s -> new SenderQueue(s, eviction.accountNonce, eviction.balance));
      detach(owner);
      insert(owner, eviction.transaction);
      attach(owner);
    }
  }

  @Override
  public void headChanged(List<Transaction> accepted, List<Transaction> reinjected) {
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(reinjected, "reinjected");
    lock.lock();
    try {
      headVersion++;
      reprice(state.baseFee().toBigInteger());
      Set<Address> touched = new LinkedHashSet<>();
      int removed = 0;
      for (Transaction transaction : accepted) {
        touched.add(transaction.sender());
        PooledTransaction pooled = byHash.get(transaction.hash());
        if (pooled != null) {
          SenderQueue queue = senders.get(pooled.sender);
          detach(queue);
          remove(queue, pooled);
          attach(queue);
          removed++;
        }
      }
      metrics.dropped(removed);
      reinjected.forEach(transaction -> touched.add(transaction.sender()));
      // Funds can arrive without their owner sending anything; a nonce gap closes only by the sender's own.
      senders.values().stream().filter(SenderQueue::waitsForFunds).forEach(queue -> touched.add(queue.sender));
      for (Address sender : touched) {
        SenderQueue queue = senders.get(sender);
        if (queue != null) {
          long nonce = state.nonce(sender);
          BigInteger balance = state.balance(sender).toBigInteger();
          detach(queue);
          try {
            drop(queue.advanceTo(nonce, balance));
          } finally {
            attach(queue);
          }
        }
      }
      reinject(reinjected);
    } finally {
      lock.unlock();
    }
  }

  /** Re-adds transactions of blocks that left the selected chain, lowest nonce of each sender first. */
  private void reinject(List<Transaction> reinjected) {
    List<Transaction> ordered = new ArrayList<>(reinjected);
    ordered.sort(Comparator.comparing(Transaction::sender)
        .thenComparing(Transaction::nonce, Long::compareUnsigned));
    for (Transaction transaction : ordered) {
      int size = transaction.encoded().length;
      Admission admission = checkStatic(transaction, size, true);
      if (admission == null) {
        Address sender = transaction.sender();
        admission = admitLocked(new PooledTransaction(transaction, size, arrivals.incrementAndGet()),
            state.nonce(sender), state.balance(sender).toBigInteger());
      }
      if (admission.isAccepted()) {
        metrics.reinjected();
      } else {
        LOG.debug("Not re-injected {}: {}", transaction, ((Admission.Rejected) admission).message());
      }
    }
  }

  /** Prices every transaction at {@code newBaseFee} and rebuilds the eviction index, whose order depends on it. */
  private void reprice(BigInteger newBaseFee) {
    baseFee = newBaseFee;
    evictionIndex.clear();
    for (PooledTransaction pooled : byHash.values()) {
      pooled.price(newBaseFee);
    }
    for (SenderQueue queue : senders.values()) {
      evictionIndex.add(queue.tail());
    }
  }

  /**
   * Runs under the lock, walking each sender's queue in place: copying every pending transaction out first
   * would cost more than the walk, which visits only the transactions the block takes.
   */
  @Override
  public List<Transaction> selectForBlock(long gasLimit, int maxTransactions) {
    if (gasLimit <= 0 || maxTransactions <= 0) {
      return List.of();
    }
    List<Transaction> selected = new ArrayList<>(Math.min(maxTransactions, 1024));
    lock.lock();
    try {
      PriorityQueue<Run> heads = new PriorityQueue<>(Math.max(1, senders.size()), SELECTION_ORDER);
      for (SenderQueue queue : senders.values()) {
        if (queue.pendingCount > 0) {
          Run run = new Run(queue.byNonce.values().iterator());
          if (run.advance(baseFee)) {
            heads.add(run);
          }
        }
      }
      long gasLeft = gasLimit;
      while (!heads.isEmpty() && selected.size() < maxTransactions && gasLeft >= Transaction.TX_GAS) {
        Run run = heads.poll();
        long gas = run.head.transaction.gasLimit();
        if (Long.compareUnsigned(gas, gasLeft) > 0) {
          continue; // the rest of this sender's would leave a gap
        }
        selected.add(run.head.transaction);
        gasLeft -= gas;
        if (run.advance(baseFee)) {
          heads.add(run);
        }
      }
    } finally {
      lock.unlock();
    }
    return selected;
  }

  /** A cursor over one sender's transactions in nonce order, at its next executable one. */
  private static final class Run {
    private final Iterator<PooledTransaction> rest;
    PooledTransaction head;

    Run(Iterator<PooledTransaction> rest) {
      this.rest = rest;
    }

    /** Moves to the next transaction if it is pending with a fee cap at least {@code baseFee}; false at the end. */
    boolean advance(BigInteger baseFee) {
      if (rest.hasNext()) {
        PooledTransaction next = rest.next();
        if (next.pending && next.feeCap.compareTo(baseFee) >= 0) {
          head = next;
          return true;
        }
      }
      return false;
    }
  }

  @Override
  public Optional<Transaction> get(Hash hash) {
    PooledTransaction pooled = byHash.get(hash);
    return pooled == null ? Optional.empty() : Optional.of(pooled.transaction);
  }

  @Override
  public boolean contains(Hash hash) {
    return byHash.containsKey(hash);
  }

  @Override
  public List<Transaction> pending() {
    return collect(pooled -> pooled.pending);
  }

  @Override
  public List<Transaction> queued() {
    return collect(pooled -> !pooled.pending);
  }

  private List<Transaction> collect(Predicate<PooledTransaction> filter) {
    lock.lock();
    try {
      List<SenderQueue> queues = new ArrayList<>(senders.values());
      queues.sort(Comparator.comparing(queue -> queue.sender));
      List<Transaction> transactions = new ArrayList<>();
      for (SenderQueue queue : queues) {
        for (PooledTransaction pooled : queue.byNonce.values()) {
          if (filter.test(pooled)) {
            transactions.add(pooled.transaction);
          }
        }
      }
      return transactions;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public PoolStatus status() {
    lock.lock();
    try {
      return new PoolStatus(pendingCount, byHash.size() - pendingCount, bytes);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long nextNonce(Address sender) {
    lock.lock();
    try {
      SenderQueue queue = senders.get(sender);
      if (queue != null) {
        return queue.accountNonce + queue.pendingCount;
      }
    } finally {
      lock.unlock();
    }
    return state.nonce(sender);
  }

  /** The base fee the pool orders by: the next block's, as read at the last head change. */
  public BigInteger baseFee() {
    lock.lock();
    try {
      return baseFee;
    } finally {
      lock.unlock();
    }
  }

  /** How many senders have transactions here; with the counts, what bounds the pool's memory. */
  int senderCount() {
    lock.lock();
    try {
      return senders.size();
    } finally {
      lock.unlock();
    }
  }

  int evictionIndexSize() {
    lock.lock();
    try {
      return evictionIndex.size();
    } finally {
      lock.unlock();
    }
  }

  // Every change to a queue's transactions happens between detach and attach.

  private void detach(SenderQueue queue) {
    PooledTransaction last = queue.tail();
    if (last != null) {
      evictionIndex.remove(last);
    }
    pendingCount -= queue.pendingCount;
  }

  private void attach(SenderQueue queue) {
    queue.reclassify();
    pendingCount += queue.pendingCount;
    if (queue.isEmpty()) {
      senders.remove(queue.sender);
    } else {
      evictionIndex.add(queue.tail());
    }
  }

  private void insert(SenderQueue queue, PooledTransaction pooled) {
    queue.byNonce.put(pooled.nonce, pooled);
    byHash.put(pooled.hash, pooled);
    bytes += pooled.size;
  }

  private void remove(SenderQueue queue, PooledTransaction pooled) {
    queue.byNonce.remove(pooled.nonce);
    byHash.remove(pooled.hash);
    bytes -= pooled.size;
  }

  /** Forgets transactions already taken out of their queue because their nonce is used. */
  private void drop(List<PooledTransaction> stale) {
    for (PooledTransaction pooled : stale) {
      byHash.remove(pooled.hash);
      bytes -= pooled.size;
    }
    metrics.dropped(stale.size());
  }

  /** A transaction evicted to admit another, with its sender's account as it was, to put back on a back-out. */
  private record Eviction(PooledTransaction transaction, long accountNonce, BigInteger balance) {
    @Override
    public String toString() {
      return transaction.toString();
    }
  }
}
