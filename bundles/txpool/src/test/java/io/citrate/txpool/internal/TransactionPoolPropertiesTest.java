package io.citrate.txpool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.txpool.api.Admission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of submissions, head changes and incoming funds against a small pool: after every step
 * the invariants hold, a rejection changes nothing, and a block selection keeps every sender's nonces
 * consecutive from its account nonce, within the gas limit and at or above the base fee.
 */
class TransactionPoolPropertiesTest {
  private static final int SENDERS = 4;
  private static final Map<List<Long>, Transaction> SIGNED = new ConcurrentHashMap<>();
  private static final Wei COST_UNIT = Wei.ofGwei(12).multiply(Transactions.GAS).add(Wei.ONE);

  sealed interface Action permits Submit, Head, Fund {}

  record Submit(int sender, long nonce, long tip, long capAboveTip) implements Action {
    Transaction transaction() {
      return SIGNED.computeIfAbsent(List.of((long) sender, nonce, tip, capAboveTip),
          k -> Transactions.eip1559(Transactions.key(sender), nonce, tip, tip + capAboveTip));
    }
  }

  /** The chain executes {@code executed} of the sender's pending transactions; the base fee becomes {@code baseFee} gwei. */
  record Head(int sender, int executed, long baseFee, long gasLimit) implements Action {}

  /** The sender's balance grows to {@code units} times the cost of the dearest transfer submitted here. */
  record Fund(int sender, int units) implements Action {}

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Integer> sender = Arbitraries.integers().between(0, SENDERS - 1);
    Arbitrary<Action> submit = Combinators.combine(sender, Arbitraries.longs().between(0, 7),
        Arbitraries.longs().between(0, 6), Arbitraries.longs().between(0, 6)).as(Submit::new);
    Arbitrary<Action> head = Combinators.combine(sender, Arbitraries.integers().between(0, 3),
        Arbitraries.longs().between(1, 4), Arbitraries.longs().between(0, 150_000)).as(Head::new);
    Arbitrary<Action> fund = Combinators.combine(sender, Arbitraries.integers().between(0, 10)).as(Fund::new);
    return Arbitraries.frequencyOf(Tuple.of(8, submit), Tuple.of(2, head), Tuple.of(1, fund))
        .list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 200)
  void invariantsHoldAfterEveryStep(@ForAll("actions") List<Action> actions) {
    TestPoolState state = new TestPoolState();
    state.defaultBalance = COST_UNIT.multiply(4);
    TransactionPoolService pool = new TransactionPoolService(state,
        PoolSettings.DEFAULT.withCapacity(8, PoolSettings.DEFAULT_MAX_BYTES).withSenderCapacity(4, 6),
        new MetricRegistry());
    Map<Address, Long> balanceUnits = new HashMap<>();
    for (Action action : actions) {
      if (action instanceof Submit submit) {
        List<Transaction> pending = pool.pending();
        List<Transaction> queued = pool.queued();
        Admission admission = pool.add(submit.transaction());
        if (!admission.isAccepted()) {
          assertThat(pool.pending()).as("a rejection changes nothing").isEqualTo(pending);
          assertThat(pool.queued()).isEqualTo(queued);
        } else {
          assertThat(pool.contains(submit.transaction().hash())).isTrue();
        }
      } else if (action instanceof Head head) {
        Address sender = Transactions.key(head.sender).address();
        List<Transaction> executed = pool.pending().stream().filter(t -> t.sender().equals(sender))
            .limit(head.executed).toList();
        executed.forEach(t -> state.nonces.put(sender, t.nonce() + 1));
        state.baseFee = Wei.ofGwei(head.baseFee);
        pool.headChanged(executed, List.of());
        checkSelection(pool, state, head.gasLimit);
      } else if (action instanceof Fund fund) {
        Address sender = Transactions.key(fund.sender).address();
        long units = Math.max(balanceUnits.getOrDefault(sender, 4L), fund.units);
        balanceUnits.put(sender, units);
        state.balances.put(sender, COST_UNIT.multiply(units));
        pool.headChanged(List.of(), List.of());
      }
      PoolInvariants.check(pool, state);
    }
    checkSelection(pool, state, TestPoolState.BLOCK_GAS_LIMIT);
  }

  private static void checkSelection(TransactionPoolService pool, TestPoolState state, long gasLimit) {
    List<Transaction> block = pool.selectForBlock(gasLimit, 100);
    long gas = 0;
    Map<Address, Long> nextNonce = new HashMap<>();
    for (Transaction transaction : block) {
      gas += transaction.gasLimit();
      long expected = nextNonce.getOrDefault(transaction.sender(), state.nonce(transaction.sender()));
      assertThat(transaction.nonce()).isEqualTo(expected);
      nextNonce.put(transaction.sender(), expected + 1);
      assertThat(transaction.gasFeeCap().compareTo(state.baseFee)).isGreaterThanOrEqualTo(0);
      assertThat(pool.pending()).contains(transaction);
    }
    assertThat(gas).isLessThanOrEqualTo(gasLimit);
    if (gasLimit >= TestPoolState.BLOCK_GAS_LIMIT) {
      // With room for all, every executable transaction at this base fee is selected.
      List<Transaction> executable = new ArrayList<>();
      Map<Address, Boolean> blocked = new HashMap<>();
      for (Transaction transaction : pool.pending()) {
        boolean under = transaction.gasFeeCap().lessThan(state.baseFee);
        if (under || blocked.getOrDefault(transaction.sender(), false)) {
          blocked.put(transaction.sender(), true);
        } else {
          executable.add(transaction);
        }
      }
      assertThat(block).containsExactlyInAnyOrderElementsOf(executable);
    }
  }
}
