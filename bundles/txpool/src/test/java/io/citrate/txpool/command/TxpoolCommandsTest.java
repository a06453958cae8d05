package io.citrate.txpool.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.txpool.api.Admission;
import io.citrate.txpool.api.PoolStatus;
import io.citrate.txpool.api.TransactionPool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The commands' output over a pool holding two senders' transactions, one of them with a gap. */
class TxpoolCommandsTest {
  private static final KeyPair ALICE = KeyPair.of(PrivateKey.fromHex("0x" + "11".repeat(32)));
  private static final KeyPair BOB = KeyPair.of(PrivateKey.fromHex("0x" + "22".repeat(32)));
  private static final Transaction ALICE_0 = transfer(ALICE, 0, 2);
  private static final Transaction ALICE_1 = transfer(ALICE, 1, 3);
  private static final Transaction BOB_5 = transfer(BOB, 5, 7);

  private final TransactionPool pool = new FixedPool(List.of(ALICE_0, ALICE_1), List.of(BOB_5));

  @Test
  void listShowsEachSendersTransactionsInNonceOrder() {
    String output = printed(out -> TxpoolList.print(pool, null, TxpoolList.DEFAULT_COUNT, out));
    assertThat(output).contains("Sender", "Nonce", "Status", "Hash", "Tip (wei)", "Fee cap (wei)", "Gas");
    String alice = ALICE.address().toChecksumHex();
    String bob = BOB.address().toChecksumHex();
    assertThat(output).contains(ALICE_0.hash().toString(), ALICE_1.hash().toString(), BOB_5.hash().toString());
    assertThat(output.lines().filter(line -> line.contains("pending")).count()).isEqualTo(2);
    assertThat(output.lines().filter(line -> line.contains("queued") && line.contains(bob)).count()).isEqualTo(1);
    assertThat(output.indexOf(ALICE_0.hash().toString())).isLessThan(output.indexOf(ALICE_1.hash().toString()));
    assertThat(output).contains("2000000000", "21000", alice);
  }

  @Test
  void listLimitsRowsAndSaysHowManyAreLeft() {
    String output = printed(out -> TxpoolList.print(pool, null, 1, out));
    assertThat(output.lines().filter(line -> line.contains("0x")).count()).isEqualTo(1);
    assertThat(output).contains("2 more not shown");
  }

  @Test
  void listFiltersBySender() {
    String output = printed(out -> TxpoolList.print(pool, BOB.address().toHex(), 10, out));
    assertThat(output).contains(BOB_5.hash().toString()).doesNotContain(ALICE_0.hash().toString());
  }

  @Test
  void badOptionsAreOneLineErrors() {
    assertThatThrownBy(() -> TxpoolList.print(pool, null, 0, System.out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    assertThatThrownBy(() -> TxpoolList.print(pool, "0x1234", 10, System.out))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an address");
  }

  @Test
  void statusShowsTheCounts() {
    String output = printed(out -> TxpoolStatus.print(pool, out));
    assertThat(output).contains("Pending: 2", "Queued : 1", "Bytes  : 300");
  }

  private static Transaction transfer(KeyPair key, long nonce, long tipGwei) {
    return Transaction.builder(TransactionType.EIP1559).chainId(1337).nonce(nonce)
        .maxPriorityFeePerGas(Wei.ofGwei(tipGwei)).maxFeePerGas(Wei.ofGwei(tipGwei + 10)).gasLimit(21_000)
        .to(Address.ZERO).sign(key.privateKey());
  }

  private static String printed(Consumer<PrintStream> command) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    command.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A pool that only answers what the commands ask. */
  private record FixedPool(List<Transaction> pending, List<Transaction> queued) implements TransactionPool {
    @Override
    public Admission add(Transaction transaction) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Admission addEncoded(byte[] encoded) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Transaction> selectForBlock(long gasLimit, int maxTransactions) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void headChanged(List<Transaction> accepted, List<Transaction> reinjected) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Transaction> get(Hash hash) {
      return Optional.empty();
    }

    @Override
    public boolean contains(Hash hash) {
      return false;
    }

    @Override
    public PoolStatus status() {
      return new PoolStatus(pending.size(), queued.size(), 300);
    }

    @Override
    public long nextNonce(Address sender) {
      return 0;
    }
  }
}
