package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.txpool.api.PoolStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code txpool_status}, {@code txpool_content} and {@code txpool_inspect} over a devnet's pool. */
class TxpoolNamespaceTest {
  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  private final DevnetCalls rpc = new DevnetCalls(devnet);
  private final String alice = Devnet.ALICE.publicKey().toAddress().toChecksumHex();
  private final String bob = Devnet.BOB.publicKey().toAddress().toChecksumHex();

  private final Transaction aliceFirst = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.of(1_000), 2);
  /** Nonce 2 while Alice's account nonce is 0 and nonce 1 is missing: queued. */
  private final Transaction aliceAfterGap = devnet.transfer(Devnet.ALICE, 2, Devnet.CAROL, Wei.ONE, 2);
  private final Transaction bobCreation = Transaction.builder(TransactionType.EIP1559).chainId(1337).nonce(0)
      .maxPriorityFeePerGas(Wei.ofGwei(1)).maxFeePerGas(Wei.ofGwei(50)).gasLimit(100_000)
      .value(Wei.ZERO).data(Bytes.fromHex("0x6000")).sign(Devnet.BOB);

  private void submitAll() {
    for (Transaction transaction : List.of(aliceFirst, aliceAfterGap, bobCreation)) {
      assertThat(devnet.node().submitTransaction(transaction.encoded()).isAccepted()).isTrue();
    }
  }

  @Test
  void anEmptyPoolHasNothingPendingOrQueued() {
    JsonNode status = rpc.result("txpool_status", "[]");
    assertThat(status.get("pending").asText()).isEqualTo("0x0");
    assertThat(status.get("queued").asText()).isEqualTo("0x0");
    JsonNode content = rpc.result("txpool_content", "[]");
    assertThat(content.get("pending")).isEmpty();
    assertThat(content.get("queued")).isEmpty();
  }

  @Test
  void statusCountsPendingAndQueued() {
    submitAll();
    JsonNode status = rpc.result("txpool_status", "[]");
    assertThat(status.get("pending").asText()).isEqualTo("0x2");
    assertThat(status.get("queued").asText()).isEqualTo("0x1");
  }

  @Test
  void contentListsTransactionsBySenderAndNonceAsPendingTransactions() {
    submitAll();
    JsonNode content = rpc.result("txpool_content", "[]");
    JsonNode pending = content.get("pending");
    assertThat(pending.fieldNames()).toIterable().containsExactlyInAnyOrder(alice, bob);
    JsonNode first = pending.get(alice).get("0");
    assertThat(first.get("hash").asText()).isEqualTo(aliceFirst.hash().toHex());
    assertThat(first.get("from").asText()).isEqualTo(Devnet.ALICE.publicKey().toAddress().toHex());
    assertThat(first.get("nonce").asText()).isEqualTo("0x0");
    assertThat(first.get("value").asText()).isEqualTo("0x3e8");
    assertThat(first.get("blockHash").isNull()).isTrue();
    assertThat(first.get("blockNumber").isNull()).isTrue();
    assertThat(pending.get(bob).get("0").get("to").isNull()).isTrue();
    assertThat(content.get("queued").fieldNames()).toIterable().containsExactly(alice);
    assertThat(content.get("queued").get(alice).fieldNames()).toIterable().containsExactly("2");
    assertThat(content.get("queued").get(alice).get("2").get("hash").asText()).isEqualTo(aliceAfterGap.hash().toHex());
  }

  @Test
  void inspectSummarisesEachTransactionInGethsWords() {
    submitAll();
    JsonNode inspect = rpc.result("txpool_inspect", "[]");
    assertThat(inspect.get("pending").get(alice).get("0").asText()).isEqualTo(
        Devnet.CAROL.toChecksumHex() + ": 1000 wei + 21000 gas × 120000000000 wei");
    assertThat(inspect.get("pending").get(bob).get("0").asText())
        .isEqualTo("contract creation: 0 wei + 100000 gas × 50000000000 wei");
    assertThat(inspect.get("queued").get(alice).get("2").asText()).startsWith(Devnet.CAROL.toChecksumHex() + ": 1 wei");
  }

  @Test
  void aTransactionTheChainAcceptedLeavesThePool() {
    submitAll();
    devnet.node().produceBlock();
    JsonNode status = rpc.result("txpool_status", "[]");
    assertThat(status.get("pending").asText()).isEqualTo("0x0");
    assertThat(status.get("queued").asText()).isEqualTo("0x1");
    assertThat(rpc.result("txpool_content", "[]").get("pending")).isEmpty();
  }

  @Test
  void argumentsAreInvalidParamsAndChangeNothing() {
    submitAll();
    PoolStatus before = devnet.pool().status();
    for (String method : List.of("txpool_status", "txpool_content", "txpool_inspect")) {
      assertThat(rpc.errorCode(method, "[\"" + Address.ZERO.toHex() + "\"]")).as(method).isEqualTo(-32602);
      assertThat(rpc.errorCode(method, "[1,2]")).as(method).isEqualTo(-32602);
    }
    assertThat(devnet.pool().status()).isEqualTo(before);
  }
}
