package io.citrate.txpool.internal;

import static io.citrate.txpool.internal.Transactions.eip1559;
import static io.citrate.txpool.internal.Transactions.eip1559Wei;
import static io.citrate.txpool.internal.Transactions.key;
import static io.citrate.txpool.internal.Transactions.legacy;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.PoolStatus;
import io.citrate.txpool.api.RejectionReason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransactionPoolServiceTest {
  private static final KeyPair ALICE = key(1);
  private static final KeyPair BOB = key(2);
  private static final KeyPair CAROL = key(3);

  private TestPoolState state;
  private MetricRegistry metrics;
  private TransactionPoolService pool;

  @BeforeEach
  void setUp() {
    state = new TestPoolState();
    open(PoolSettings.DEFAULT);
  }

  private void open(PoolSettings settings) {
    metrics = new MetricRegistry();
    pool = new TransactionPoolService(state, settings, metrics);
  }

  private static void assertRejected(Admission admission, RejectionReason reason) {
    assertThat(admission).isInstanceOf(Admission.Rejected.class);
    Admission.Rejected rejected = (Admission.Rejected) admission;
    assertThat(rejected.reason()).as(rejected.message()).isEqualTo(reason);
    assertThat(rejected.message()).startsWith(reason.description());
  }

  private long count(String name) {
    return metrics.counter(name).getCount();
  }

  @Nested
  class Rejections {

    @Test
    void undecodableBytesAreMalformedWithoutAHash() {
      Admission admission = pool.addEncoded(new byte[] {(byte) 0x80});
      assertRejected(admission, RejectionReason.MALFORMED);
      assertThat(admission.hash()).isNull();
      assertThat(((Admission.Rejected) admission).message()).contains("an RLP string is not a transaction");
      assertThat(count("rejected.malformed")).isEqualTo(1);
      assertThat(pool.status().size()).isZero();
    }

    @Test
    void anInvalidSignatureIsABadSignature() {
      assertRejected(pool.addEncoded(rawEip1559(0, Transactions.GAS, BigInteger.ZERO, BigInteger.ONE)),
          RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void anotherChainsTransactionHasTheWrongChainId() {
      Transaction other = Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(0)
          .maxPriorityFeePerGas(Wei.ofGwei(1)).maxFeePerGas(Wei.ofGwei(2)).gasLimit(Transactions.GAS)
          .to(Transactions.RECIPIENT).sign(ALICE.privateKey());
      Admission admission = pool.add(other);
      assertRejected(admission, RejectionReason.WRONG_CHAIN_ID);
      assertThat(((Admission.Rejected) admission).message()).contains("chain id 1, expected 1337");
    }

    @Test
    void anUnprotectedLegacyTransactionIsRefusedUnlessAllowed() {
      Transaction unprotected = Transaction.builder(TransactionType.LEGACY).nonce(0).gasPrice(Wei.ofGwei(2))
          .gasLimit(Transactions.GAS).to(Transactions.RECIPIENT).sign(ALICE.privateKey());
      assertRejected(pool.add(unprotected), RejectionReason.WRONG_CHAIN_ID);
      open(PoolSettings.DEFAULT.withAllowUnprotected(true));
      assertThat(pool.add(unprotected)).isEqualTo(new Admission.Added(unprotected.hash(), true));
    }

    @Test
    void aUsedNonceIsTooLow() {
      state.nonces.put(ALICE.address(), 5L);
      Admission admission = pool.add(eip1559(ALICE, 4, 1, 2));
      assertRejected(admission, RejectionReason.NONCE_TOO_LOW);
      assertThat(((Admission.Rejected) admission).message()).contains("nonce 4, account nonce 5");
    }

    @Test
    void aNonceBeyondTheWindowIsTooHigh() {
      state.nonces.put(ALICE.address(), 10L);
      assertThat(pool.add(eip1559(ALICE, 10 + 63, 1, 2))).isInstanceOf(Admission.Added.class);
      assertRejected(pool.add(eip1559(ALICE, 10 + 64, 1, 2)), RejectionReason.NONCE_TOO_HIGH);
    }

    @Test
    void theSameTransactionTwiceIsAlreadyKnown() {
      Transaction transaction = eip1559(ALICE, 0, 1, 2);
      assertThat(pool.add(transaction).isAccepted()).isTrue();
      assertRejected(pool.add(transaction), RejectionReason.ALREADY_KNOWN);
      assertRejected(pool.addEncoded(transaction.encoded()), RejectionReason.ALREADY_KNOWN);
      assertThat(pool.status().size()).isEqualTo(1);
      assertThat(count("added")).isEqualTo(1);
      assertThat(count("rejected.already-known")).isEqualTo(2);
    }

    @Test
    void aTipBelowTheMinimumIsUnderpriced() {
      open(PoolSettings.DEFAULT.withMinTip(Wei.ofGwei(2)));
      assertRejected(pool.add(eip1559(ALICE, 0, 1, 10)), RejectionReason.UNDERPRICED);
      assertRejected(pool.add(legacy(ALICE, 0, 1)), RejectionReason.UNDERPRICED);
      assertThat(pool.add(eip1559(ALICE, 0, 2, 10)).isAccepted()).isTrue();
    }

    @Test
    void zeroTipsAreTakenByDefault() {
      assertThat(pool.add(eip1559(ALICE, 0, 0, 1))).isInstanceOf(Admission.Added.class);
    }

    @Test
    void aBalanceBelowValuePlusGasTimesFeeCapIsInsufficientFunds() {
      // 21000 gas * 10 gwei + 1 wei value
      Wei cost = Wei.ofGwei(10).multiply(Transactions.GAS).add(Wei.ONE);
      state.balances.put(ALICE.address(), cost.subtract(Wei.ONE));
      assertRejected(pool.add(eip1559(ALICE, 0, 1, 10)), RejectionReason.INSUFFICIENT_FUNDS);
      state.balances.put(ALICE.address(), cost);
      assertThat(pool.add(eip1559(ALICE, 0, 1, 10))).isInstanceOf(Admission.Added.class);
    }

    @Test
    void aGasLimitBelowTheIntrinsicGasIsRejected() {
      assertRejected(pool.addEncoded(rawEip1559(0, 20_000, BigInteger.ONE, BigInteger.ONE)),
          RejectionReason.INTRINSIC_GAS);
    }

    @Test
    void aGasLimitAboveTheBlocksIsRejected() {
      Transaction huge = eip1559Wei(ALICE, 0, Wei.ONE, Wei.ofGwei(2), TestPoolState.BLOCK_GAS_LIMIT + 1);
      assertRejected(pool.add(huge), RejectionReason.GAS_LIMIT_EXCEEDED);
    }

    @Test
    void aTransactionAboveTheSizeLimitIsOversized() {
      Transaction big = Transaction.builder(TransactionType.EIP1559).chainId(TestPoolState.CHAIN_ID).nonce(0)
          .maxPriorityFeePerGas(Wei.ONE).maxFeePerGas(Wei.ofGwei(2)).gasLimit(3_000_000)
          .to(Transactions.RECIPIENT).data(new byte[130 * 1024]).sign(ALICE.privateKey());
      assertRejected(pool.add(big), RejectionReason.OVERSIZED);
      Admission encoded = pool.addEncoded(big.encoded());
      assertRejected(encoded, RejectionReason.OVERSIZED);
      assertThat(encoded.hash()).isEqualTo(big.hash());
    }

    @Test
    void aSenderAtItsLimitIsRefusedFurtherNonces() {
      open(PoolSettings.DEFAULT.withSenderCapacity(4, 64));
      for (int nonce = 0; nonce < 4; nonce++) {
        assertThat(pool.add(eip1559(ALICE, nonce, 1, 2)).isAccepted()).isTrue();
      }
      assertRejected(pool.add(eip1559(ALICE, 4, 1, 2)), RejectionReason.SENDER_LIMIT);
      assertThat(pool.add(eip1559(BOB, 0, 1, 2)).isAccepted()).isTrue();
    }

    @Test
    void aSenderAtItsLimitCanStillCloseAGap() {
      open(PoolSettings.DEFAULT.withSenderCapacity(3, 64));
      Transaction last = eip1559(ALICE, 9, 1, 2);
      for (Transaction transaction : List.of(eip1559(ALICE, 1, 1, 2), eip1559(ALICE, 2, 1, 2), last)) {
        assertThat(pool.add(transaction)).isEqualTo(new Admission.Added(transaction.hash(), false));
      }
      assertThat(pool.add(eip1559(ALICE, 0, 1, 2))).isInstanceOf(Admission.Added.class);
      assertThat(pool.contains(last.hash())).isFalse();
      assertThat(pool.status()).isEqualTo(new PoolStatus(3, 0, pool.status().bytes()));
      assertThat(count("evicted")).isEqualTo(1);
    }

    @Test
    void blobTransactionsAreUnsupported() {
      Hash versioned = Hash.fromHex("0x01" + "00".repeat(31));
      Transaction blob = Transaction.builder(TransactionType.BLOB).chainId(TestPoolState.CHAIN_ID).nonce(0)
          .maxPriorityFeePerGas(Wei.ONE).maxFeePerGas(Wei.ofGwei(2)).gasLimit(Transactions.GAS)
          .to(Transactions.RECIPIENT).maxFeePerBlobGas(Wei.ONE).blobVersionedHashes(List.of(versioned))
          .sign(ALICE.privateKey());
      Admission admission = pool.add(blob);
      assertRejected(admission, RejectionReason.UNSUPPORTED_TYPE);
      assertThat(((Admission.Rejected) admission).message()).contains("sidecars");
      assertRejected(pool.addEncoded(blob.encoded()), RejectionReason.UNSUPPORTED_TYPE);
    }

    @Test
    void aRejectionChangesNothing() {
      Transaction kept = eip1559(ALICE, 0, 1, 2);
      pool.add(kept);
      PoolStatus before = pool.status();
      state.nonces.put(BOB.address(), 3L);
      pool.add(eip1559(BOB, 1, 1, 2));
      pool.add(eip1559(ALICE, 0, 1, 2)); // same nonce, no bump
      assertThat(pool.status()).isEqualTo(before);
      assertThat(pool.pending()).containsExactly(kept);
      assertThat(pool.nextNonce(BOB.address())).isEqualTo(3);
    }
  }

  @Nested
  class Replacement {

    @Test
    void exactlyTenPercentOnBothFeeCapAndTipReplaces() {
      Transaction original = eip1559Wei(ALICE, 0, Wei.of(1_000), Wei.of(2_000_000_000L), Transactions.GAS);
      Transaction bumped = eip1559Wei(ALICE, 0, Wei.of(1_100), Wei.of(2_200_000_000L), Transactions.GAS);
      pool.add(original);
      assertThat(pool.add(bumped)).isEqualTo(new Admission.Replaced(bumped.hash(), original.hash()));
      assertThat(pool.contains(original.hash())).isFalse();
      assertThat(pool.pending()).containsExactly(bumped);
      assertThat(pool.status().size()).isEqualTo(1);
      assertThat(count("replaced")).isEqualTo(1);
    }

    @Test
    void lessThanTenPercentOnEitherIsUnderpriced() {
      Transaction original = eip1559Wei(ALICE, 0, Wei.of(1_000), Wei.of(2_000_000_000L), Transactions.GAS);
      pool.add(original);
      assertRejected(pool.add(eip1559Wei(ALICE, 0, Wei.of(1_099), Wei.of(3_000_000_000L), Transactions.GAS)),
          RejectionReason.REPLACEMENT_UNDERPRICED);
      assertRejected(pool.add(eip1559Wei(ALICE, 0, Wei.of(2_000), Wei.of(2_199_999_999L), Transactions.GAS)),
          RejectionReason.REPLACEMENT_UNDERPRICED);
      assertThat(pool.pending()).containsExactly(original);
    }

    @Test
    void legacyReplacementBumpsTheGasPrice() {
      Transaction original = legacy(ALICE, 0, 10);
      pool.add(original);
      assertRejected(pool.add(legacyWei(ALICE, 0, 10_999_999_999L)), RejectionReason.REPLACEMENT_UNDERPRICED);
      Transaction bumped = legacy(ALICE, 0, 11);
      assertThat(pool.add(bumped)).isEqualTo(new Admission.Replaced(bumped.hash(), original.hash()));
    }

    @Test
    void aZeroTipNeedsAStrictlyHigherTip() {
      Transaction original = eip1559(ALICE, 0, 0, 10);
      pool.add(original);
      assertRejected(pool.add(eip1559(ALICE, 0, 0, 20)), RejectionReason.REPLACEMENT_UNDERPRICED);
      assertThat(pool.add(eip1559Wei(ALICE, 0, Wei.ONE, Wei.ofGwei(20), Transactions.GAS)))
          .isInstanceOf(Admission.Replaced.class);
    }
  }

  @Nested
  class Ordering {

    @Test
    void selectsByEffectiveTipUnderTheBaseFee() {
      state.baseFee = Wei.ofGwei(10);
      pool.headChanged(List.of(), List.of());
      // effective tips at base fee 10: min(5, 20 - 10) = 5; min(9, 13 - 10) = 3; legacy 12 - 10 = 2
      Transaction five = eip1559(ALICE, 0, 5, 20);
      Transaction three = eip1559(BOB, 0, 9, 13);
      Transaction two = legacy(CAROL, 0, 12);
      pool.add(three);
      pool.add(two);
      pool.add(five);
      assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 100)).containsExactly(five, three, two);

      // At base fee 1 the tip caps rule: 9, 5, legacy 11.
      state.baseFee = Wei.ofGwei(1);
      pool.headChanged(List.of(), List.of());
      assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 100)).containsExactly(two, three, five);
    }

    @Test
    void leavesOutFeeCapsBelowTheBaseFeeAndWhatFollowsThem() {
      state.baseFee = Wei.ofGwei(10);
      pool.headChanged(List.of(), List.of());
      Transaction low = eip1559(ALICE, 0, 1, 9);
      Transaction after = eip1559(ALICE, 1, 5, 50);
      Transaction bob = eip1559(BOB, 0, 1, 11);
      pool.add(low);
      pool.add(after);
      pool.add(bob);
      assertThat(pool.pending()).hasSize(3);
      assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 100)).containsExactly(bob);
    }

    @Test
    void keepsEachSendersNonceOrderWhateverTheTips() {
      Transaction a0 = eip1559(ALICE, 0, 1, 100);
      Transaction a1 = eip1559(ALICE, 1, 50, 100);
      Transaction a2 = eip1559(ALICE, 2, 20, 100);
      Transaction b0 = eip1559(BOB, 0, 10, 100);
      for (Transaction transaction : List.of(a2, a1, b0, a0)) {
        pool.add(transaction);
      }
      assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 100)).containsExactly(b0, a0, a1, a2);
      assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 2)).containsExactly(b0, a0);
    }

    @Test
    void aGapQueuesUntilItClosesThenAllArePending() {
      Transaction n1 = eip1559(ALICE, 1, 1, 2);
      Transaction n2 = eip1559(ALICE, 2, 1, 2);
      assertThat(pool.add(n2)).isEqualTo(new Admission.Added(n2.hash(), false));
      assertThat(pool.add(n1)).isEqualTo(new Admission.Added(n1.hash(), false));
      assertThat(pool.status()).isEqualTo(new PoolStatus(0, 2, pool.status().bytes()));
      assertThat(pool.nextNonce(ALICE.address())).isZero();
      assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 100)).isEmpty();

      Transaction n0 = eip1559(ALICE, 0, 1, 2);
      assertThat(pool.add(n0)).isEqualTo(new Admission.Added(n0.hash(), true));
      assertThat(pool.pending()).containsExactly(n0, n1, n2);
      assertThat(pool.queued()).isEmpty();
      assertThat(pool.nextNonce(ALICE.address())).isEqualTo(3);
      assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 100)).containsExactly(n0, n1, n2);
    }

    @Test
    void skipsWhatDoesNotFitWithTheSendersLaterOnesAndKeepsFilling() {
      Transaction big = eip1559Wei(ALICE, 0, Wei.ofGwei(9), Wei.ofGwei(100), 100_000);
      Transaction afterBig = eip1559(ALICE, 1, 9, 100);
      Transaction b0 = eip1559(BOB, 0, 5, 100);
      Transaction b1 = eip1559(BOB, 1, 5, 100);
      Transaction c0 = eip1559(CAROL, 0, 1, 100);
      for (Transaction transaction : List.of(big, afterBig, b0, b1, c0)) {
        pool.add(transaction);
      }
      assertThat(pool.selectForBlock(90_000, 100)).containsExactly(b0, b1, c0);
      assertThat(pool.selectForBlock(100_000 + 21_000, 100)).containsExactly(big, afterBig);
      assertThat(pool.selectForBlock(20_999, 100)).isEmpty();
      assertThat(pool.status().size()).isEqualTo(5);
    }

    @Test
    void fundsLimitWhatIsPending() {
      Wei cost = Wei.ofGwei(2).multiply(Transactions.GAS).add(Wei.ONE);
      state.balances.put(ALICE.address(), cost.multiply(2));
      Transaction n0 = eip1559(ALICE, 0, 1, 2);
      Transaction n1 = eip1559(ALICE, 1, 1, 2);
      Transaction n2 = eip1559(ALICE, 2, 1, 2);
      pool.add(n0);
      pool.add(n1);
      assertThat(pool.add(n2)).isEqualTo(new Admission.Added(n2.hash(), false));
      assertThat(pool.pending()).containsExactly(n0, n1);
      assertThat(pool.queued()).containsExactly(n2);
    }
  }

  @Nested
  class Eviction {

    @Test
    void aFullPoolEvictsTheCheapestForABetterOne() {
      open(PoolSettings.DEFAULT.withCapacity(3, PoolSettings.DEFAULT_MAX_BYTES));
      Transaction a = eip1559(ALICE, 0, 3, 100);
      Transaction b = eip1559(BOB, 0, 1, 100);
      Transaction c = eip1559(CAROL, 0, 2, 100);
      pool.add(a);
      pool.add(b);
      pool.add(c);
      Transaction better = eip1559(key(4), 0, 5, 100);
      assertThat(pool.add(better)).isEqualTo(new Admission.Added(better.hash(), true));
      assertThat(pool.contains(b.hash())).isFalse();
      assertThat(pool.status().size()).isEqualTo(3);
      assertThat(count("evicted")).isEqualTo(1);
    }

    @Test
    void aTransactionNoBetterThanTheCheapestIsUnderpricedAndChangesNothing() {
      open(PoolSettings.DEFAULT.withCapacity(2, PoolSettings.DEFAULT_MAX_BYTES));
      Transaction a = eip1559(ALICE, 0, 3, 100);
      Transaction b = eip1559(BOB, 0, 2, 100);
      pool.add(a);
      pool.add(b);
      Admission equal = pool.add(eip1559(CAROL, 0, 2, 100));
      assertRejected(equal, RejectionReason.UNDERPRICED);
      assertThat(((Admission.Rejected) equal).message()).contains("the pool is full", "effective tip 2000000000 wei, pending");
      assertRejected(pool.add(eip1559(CAROL, 0, 1, 100)), RejectionReason.UNDERPRICED);
      assertThat(pool.pending()).containsExactlyInAnyOrder(a, b);
      assertThat(count("evicted")).isZero();
    }

    @Test
    void queuedTransactionsGoFirstAndTheSendersHighestNonce() {
      open(PoolSettings.DEFAULT.withCapacity(4, PoolSettings.DEFAULT_MAX_BYTES));
      Transaction a0 = eip1559(ALICE, 0, 1, 100);
      Transaction a1 = eip1559(ALICE, 1, 1, 100);
      Transaction gapped = eip1559(BOB, 5, 50, 100);
      Transaction c0 = eip1559(CAROL, 0, 2, 100);
      for (Transaction transaction : List.of(a0, a1, gapped, c0)) {
        pool.add(transaction);
      }
      Transaction d0 = eip1559(key(4), 0, 2, 100);
      assertThat(pool.add(d0).isAccepted()).isTrue();
      assertThat(pool.contains(gapped.hash())).isFalse();
      // Now everything is pending; Alice's cheapest is evicted from her highest nonce, never leaving a gap.
      Transaction e0 = eip1559(key(5), 0, 3, 100);
      assertThat(pool.add(e0).isAccepted()).isTrue();
      assertThat(pool.pending()).containsExactlyInAnyOrder(a0, c0, d0, e0);
    }

    @Test
    void theByteCapacityEvictsAsWell() {
      Transaction small = eip1559(ALICE, 0, 1, 100);
      int size = small.encoded().length;
      open(PoolSettings.DEFAULT.withCapacity(100, 2L * size + size / 2));
      pool.add(small);
      pool.add(eip1559(BOB, 0, 2, 100));
      assertThat(pool.add(eip1559(CAROL, 0, 3, 100)).isAccepted()).isTrue();
      assertThat(pool.contains(small.hash())).isFalse();
      assertThat(pool.status().bytes()).isLessThanOrEqualTo(2L * size + size / 2);
    }
  }

  @Nested
  class HeadChanges {

    @Test
    void dropsAcceptedAndStaleTransactionsAndPromotesTheRest() {
      Transaction a0 = eip1559(ALICE, 0, 1, 2);
      Transaction a1 = eip1559(ALICE, 1, 1, 2);
      Transaction a2 = eip1559(ALICE, 2, 1, 2);
      Transaction a4 = eip1559(ALICE, 4, 1, 2);
      for (Transaction transaction : List.of(a0, a1, a2, a4)) {
        pool.add(transaction);
      }
      // The chain executed a0 and, from elsewhere, Alice's nonces 1 to 3.
      state.nonces.put(ALICE.address(), 4L);
      pool.headChanged(List.of(a0), List.of());
      assertThat(pool.pending()).containsExactly(a4);
      assertThat(pool.queued()).isEmpty();
      assertThat(pool.contains(a1.hash())).isFalse();
      assertThat(pool.nextNonce(ALICE.address())).isEqualTo(5);
      assertThat(count("dropped")).isEqualTo(3);
    }

    @Test
    void reinjectsTransactionsOfReorganisedBlocksWithoutCountingThemAsSubmissions() {
      Transaction a0 = eip1559(ALICE, 0, 1, 2);
      Transaction a1 = eip1559(ALICE, 1, 1, 2);
      pool.add(a0);
      pool.add(a1);
      state.nonces.put(ALICE.address(), 2L);
      pool.headChanged(List.of(a0, a1), List.of());
      assertThat(pool.status().size()).isZero();

      // The block with a1 left the selected chain; its replacement accepted only a0.
      state.nonces.put(ALICE.address(), 1L);
      Transaction b0 = eip1559(BOB, 0, 1, 2);
      pool.headChanged(List.of(), List.of(a1, a0, b0));
      assertThat(pool.pending()).containsExactlyInAnyOrder(a1, b0);
      assertThat(count("added")).isEqualTo(2);
      assertThat(count("reinjected")).isEqualTo(2);
      assertThat(count("rejected")).isZero();
    }

    @Test
    void aReinjectedTransactionAlreadyHeldIsLeftAsItIs() {
      Transaction a0 = eip1559(ALICE, 0, 1, 2);
      pool.add(a0);
      pool.headChanged(List.of(), List.of(a0));
      assertThat(pool.pending()).containsExactly(a0);
      assertThat(count("rejected")).isZero();
    }

    @Test
    void aReinjectedTransactionTakesNoMinimumTip() {
      open(PoolSettings.DEFAULT.withMinTip(Wei.ofGwei(5)));
      Transaction cheap = eip1559(ALICE, 0, 1, 10);
      pool.headChanged(List.of(), List.of(cheap));
      assertThat(pool.pending()).containsExactly(cheap);
    }

    @Test
    void demotesWhatTheBalanceNoLongerCoversAndPromotesWhenItDoesAgain() {
      Wei cost = Wei.ofGwei(2).multiply(Transactions.GAS).add(Wei.ONE);
      state.balances.put(ALICE.address(), cost.multiply(3));
      Transaction n0 = eip1559(ALICE, 0, 1, 2);
      Transaction n1 = eip1559(ALICE, 1, 1, 2);
      Transaction n2 = eip1559(ALICE, 2, 1, 2);
      for (Transaction transaction : List.of(n0, n1, n2)) {
        pool.add(transaction);
      }
      assertThat(pool.pending()).containsExactly(n0, n1, n2);

      // Another nonce-0 transaction of Alice's, sent elsewhere, was accepted and spent most of her balance.
      Transaction elsewhere = eip1559(ALICE, 0, 7, 70);
      state.nonces.put(ALICE.address(), 1L);
      state.balances.put(ALICE.address(), cost);
      pool.headChanged(List.of(elsewhere), List.of());
      assertThat(pool.pending()).containsExactly(n1);
      assertThat(pool.queued()).containsExactly(n2);
      assertThat(pool.nextNonce(ALICE.address())).isEqualTo(2);
      assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 10)).containsExactly(n1);

      // Funds arrive without Alice sending anything: her queued transactions are looked at again.
      state.balances.put(ALICE.address(), cost.multiply(3));
      pool.headChanged(List.of(), List.of());
      assertThat(pool.pending()).containsExactly(n1, n2);
    }

    @Test
    void reordersByTheNewBaseFeeAndEvictsByIt() {
      open(PoolSettings.DEFAULT.withCapacity(2, PoolSettings.DEFAULT_MAX_BYTES));
      Transaction highTipLowCap = eip1559(ALICE, 0, 8, 10);
      Transaction lowTipHighCap = eip1559(BOB, 0, 4, 100);
      pool.add(highTipLowCap);
      pool.add(lowTipHighCap);
      state.baseFee = Wei.ofGwei(9);
      pool.headChanged(List.of(), List.of());
      // Effective tips now 1 and 4: the 3-gwei newcomer beats Alice's.
      Transaction three = eip1559(CAROL, 0, 3, 100);
      assertThat(pool.add(three).isAccepted()).isTrue();
      assertThat(pool.contains(highTipLowCap.hash())).isFalse();
      assertThat(pool.selectForBlock(TestPoolState.BLOCK_GAS_LIMIT, 10)).containsExactly(lowTipHighCap, three);
    }
  }

  @Test
  void getAndContainsFindByHash() {
    Transaction transaction = eip1559(ALICE, 0, 1, 2);
    assertThat(pool.get(transaction.hash())).isEmpty();
    pool.add(transaction);
    assertThat(pool.get(transaction.hash())).contains(transaction);
    assertThat(pool.contains(transaction.hash())).isTrue();
  }

  @Test
  void nextNonceOfAnUnknownSenderIsItsAccountNonce() {
    state.nonces.put(ALICE.address(), 7L);
    assertThat(pool.nextNonce(ALICE.address())).isEqualTo(7);
    assertThat(pool.nextNonce(Address.ZERO)).isZero();
  }

  @Test
  void gaugesShowTheCounts() {
    pool.add(eip1559(ALICE, 0, 1, 2));
    pool.add(eip1559(BOB, 3, 1, 2));
    assertThat(metrics.getGauges().get("pending").getValue()).isEqualTo(1);
    assertThat(metrics.getGauges().get("queued").getValue()).isEqualTo(1);
    assertThat((Long) metrics.getGauges().get("bytes").getValue()).isPositive();
  }

  private static Transaction legacyWei(KeyPair key, long nonce, long gasPriceWei) {
    return Transaction.builder(TransactionType.LEGACY).chainId(TestPoolState.CHAIN_ID).nonce(nonce)
        .gasPrice(Wei.of(gasPriceWei)).gasLimit(Transactions.GAS).to(Transactions.RECIPIENT).value(Wei.ONE)
        .sign(key.privateKey());
  }

  /** An EIP-1559 transfer encoded by hand, so its gas limit and signature can break the rules. */
  private static byte[] rawEip1559(long nonce, long gasLimit, BigInteger r, BigInteger s) {
    List<byte[]> fields = new ArrayList<>();
    fields.add(Rlp.encodeLong(TestPoolState.CHAIN_ID));
    fields.add(Rlp.encodeLong(nonce));
    fields.add(Rlp.encodeLong(1));
    fields.add(Rlp.encodeLong(2_000_000_000L));
    fields.add(Rlp.encodeLong(gasLimit));
    fields.add(Rlp.encodeBytes(Transactions.RECIPIENT.toArray()));
    fields.add(Rlp.encodeLong(1));
    fields.add(Rlp.encodeBytes(new byte[0]));
    fields.add(Rlp.EMPTY_LIST);
    fields.add(Rlp.encodeLong(0));
    fields.add(Rlp.encodeBigInteger(r));
    fields.add(Rlp.encodeBigInteger(s));
    byte[] list = Rlp.encodeList(fields);
    byte[] encoded = new byte[list.length + 1];
    encoded[0] = 2;
    System.arraycopy(list, 0, encoded, 1, list.length);
    return encoded;
  }
}
