package io.citrate.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.consensus.api.BlockOutcome;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.api.TransactionLocation;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.txpool.api.Admission;
import io.citrate.vm.api.TransactionRejectionReason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevnetExecutionTest {
  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF);

  @Test
  void aTransferEntersTheNextBlockWithAReceiptAndMovesTheBalances() {
    Wei before = devnet.balance(Devnet.ALICE.publicKey().toAddress());
    Transaction transfer = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ofGwei(5), 2);
    assertThat(devnet.node.admit(transfer.encoded())).isInstanceOf(Admission.Added.class);

    Hash block = devnet.node.produceBlock();

    BlockAcceptance accepted = devnet.node.chainBlock(1).orElseThrow();
    assertThat(accepted.hash()).isEqualTo(block);
    assertThat(accepted.transactions()).singleElement().satisfies(tx -> {
      assertThat(tx.transaction().hash()).isEqualTo(transfer.hash());
      assertThat(tx.includedIn()).isEqualTo(block);
      assertThat(tx.receipt().success()).isTrue();
      assertThat(tx.receipt().cumulativeGasUsed()).isEqualTo(21_000);
    });
    assertThat(devnet.node.transactionLocation(transfer.hash())).contains(new TransactionLocation(block, 1, 0));
    assertThat(devnet.balance(Devnet.CAROL)).isEqualTo(Wei.ofGwei(5));
    Wei gasPaid = accepted.header().baseFeePerGas().add(Wei.ofGwei(2)).multiply(21_000);
    assertThat(devnet.balance(Devnet.ALICE.publicKey().toAddress()))
        .isEqualTo(before.subtract(Wei.ofGwei(5)).subtract(gasPaid));
    assertThat(devnet.pool.status().size()).isZero();
    assertThat(devnet.node.status().headNumber()).isEqualTo(1);
    assertThat(devnet.events).contains(new ChainEvent.HeadChanged(List.of(), List.of(block), block, 1));
  }

  @Test
  void theProducerAndTreasuryEarnTheRewardAndTheBaseFeeIsBurnt() {
    Wei reward = devnet.spec.rewards().rewardAt(1);
    Wei treasuryShare = devnet.spec.rewards().treasuryShare(reward);
    Wei producerBefore = devnet.balance(Devnet.VALIDATOR.publicKey().toAddress());
    devnet.node.admit(devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 3).encoded());

    devnet.node.produceBlock();

    assertThat(devnet.balance(devnet.spec.rewards().treasury())).isEqualTo(treasuryShare);
    assertThat(devnet.balance(Devnet.VALIDATOR.publicKey().toAddress()))
        .isEqualTo(producerBefore.add(reward.subtract(treasuryShare)).add(Wei.ofGwei(3).multiply(21_000)));
  }

  @Test
  void theBaseFeeFollowsTheSelectedParentsGasUse() {
    Wei genesisBaseFee = devnet.spec.fees().initialBaseFee();
    devnet.node.produceBlock();
    BlockHeader first = devnet.node.chainBlock(1).orElseThrow().header();
    // Genesis used no gas: the base fee falls by an eighth.
    assertThat(first.baseFeePerGas()).isEqualTo(Wei.of(genesisBaseFee.toBigInteger().multiply(
        java.math.BigInteger.valueOf(7)).divide(java.math.BigInteger.valueOf(8))));
  }

  @Test
  void aBlockWhoseStateRootLiesIsRejectedAndTheNodeGoesOn() {
    devnet.node.admit(devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 2).encoded());
    BlockImport.Arrival honest = devnet.producer.build().orElseThrow();
    BlockHeader forged = honest.header().toBuilder().stateRoot(Hash.EMPTY).build()
        .sign(Devnet.VALIDATOR);

    List<BlockOutcome> outcomes = devnet.importBlock(
        new BlockImport.Arrival(forged, honest.transactions(), Optional.empty()));

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(BlockOutcome.Rejected.class, rejected ->
        assertThat(rejected.violation()).isInstanceOfSatisfying(RuleViolation.InvalidExecution.class,
            violation -> assertThat(violation.detail()).contains("state root")));
    assertThat(devnet.node.status().headNumber()).isZero();
    assertThat(devnet.pool.status().size()).isEqualTo(1);

    devnet.node.produceBlock();
    assertThat(devnet.node.status().headNumber()).isEqualTo(1);
    assertThat(devnet.node.chainBlock(1).orElseThrow().transactions()).hasSize(1);
  }

  @Test
  void aBodyThatIsNotTheOneTheHeaderCommitsToIsRejected() {
    Transaction transfer = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 2);
    devnet.node.admit(transfer.encoded());
    BlockImport.Arrival honest = devnet.producer.build().orElseThrow();

    List<BlockOutcome> outcomes = devnet.importBlock(
        new BlockImport.Arrival(honest.header(), List.of(), Optional.empty()));

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(BlockOutcome.Rejected.class, rejected ->
        assertThat(rejected.violation().message()).contains("transactions root"));
    assertThat(devnet.node.transactionLocation(transfer.hash())).isEmpty();
  }

  @Test
  void aBlockCarryingATransactionThatDoesNotFitIsInvalid() {
    Transaction overspend = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ofSalt(1_000_000), 2);
    BlockImport.Arrival empty = devnet.producer.build().orElseThrow();
    BlockHeader header = empty.header().toBuilder()
        .transactionsRoot(io.citrate.node.internal.execution.TransactionsRoot.of(List.of(overspend)))
        .build().sign(Devnet.VALIDATOR);

    List<BlockOutcome> outcomes =
        devnet.importBlock(new BlockImport.Arrival(header, List.of(overspend), Optional.empty()));

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(BlockOutcome.Rejected.class, rejected ->
        assertThat(rejected.violation().message()).contains(overspend.hash().toString()));
  }

  @Test
  void parallelBlocksWithConflictingTransactionsAreMergedAndTheLoserIsSkipped() {
    Transaction first = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 2);
    devnet.node.admit(first.encoded());
    BlockImport.Arrival left = devnet.producer.build().orElseThrow();
    // The same nonce, outbidding: a parallel block carries the replacement.
    Transaction second = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.of(2), 5);
    assertThat(devnet.node.admit(second.encoded())).isInstanceOf(Admission.Replaced.class);
    BlockImport.Arrival right = devnet.producer.build().orElseThrow();
    assertThat(right.header().parents()).isEqualTo(left.header().parents());

    devnet.importBlock(left);
    devnet.importBlock(right);
    Hash sink = devnet.consensus.sink();
    Transaction winner = sink.equals(left.header().hash()) ? first : second;
    Transaction loser = winner == first ? second : first;
    assertThat(devnet.node.transactionLocation(winner.hash())).map(TransactionLocation::number).contains(1L);
    assertThat(devnet.node.transactionLocation(loser.hash())).isEmpty();

    Hash merging = devnet.node.produceBlock();
    BlockAcceptance merged = devnet.node.acceptance(merging).orElseThrow();
    assertThat(merged.number()).isEqualTo(2);
    assertThat(merged.transactions()).isEmpty();
    assertThat(merged.skipped()).singleElement().satisfies(skip -> {
      assertThat(skip.transactionHash()).isEqualTo(loser.hash());
      assertThat(skip.reason()).isEqualTo(TransactionRejectionReason.NONCE_TOO_LOW);
    });
    assertThat(devnet.balance(Devnet.CAROL)).isEqualTo(winner == first ? Wei.ONE : Wei.of(2));
    assertThat(devnet.pool.status().size()).isZero();
  }

  @Test
  void perTransactionProductionMakesABlockForEachExecutableTransaction() {
    Devnet automining = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.PER_TRANSACTION);
    Transaction first = automining.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 1);
    Transaction second = automining.transfer(Devnet.ALICE, 1, Devnet.CAROL, Wei.ONE, 1);

    automining.node.admit(first.encoded());
    assertThat(automining.node.transactionLocation(first.hash())).map(TransactionLocation::number).contains(1L);
    automining.node.admit(second.encoded());
    assertThat(automining.node.transactionLocation(second.hash())).map(TransactionLocation::number).contains(2L);
    assertThat(automining.node.admit(new byte[] {1, 2, 3})).isInstanceOf(Admission.Rejected.class);
    assertThat(automining.node.status().headNumber()).isEqualTo(2);
  }

  @Test
  void produceBlockWithoutAValidatorKeyIsRefused() {
    NodeService readOnly = new NodeService(devnet.spec, devnet.consensus, devnet.pool, devnet.store,
        devnet.execution, devnet.head, Optional.empty(), new ProductionSettings(ProductionSettings.Mode.OFF, 1_000, 10),
        new com.codahale.metrics.MetricRegistry());
    assertThatThrownBy(readOnly::produceBlock).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("validator key");
  }
}
