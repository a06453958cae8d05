package io.citrate.vm.internal.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.TransactionOutcome;
import io.citrate.vm.api.TransactionReceipt;
import io.citrate.vm.api.TransactionRejectionReason;
import io.citrate.vm.internal.evm.ContractAddresses;
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionExecutorTest {
  private static final PrivateKey KEY = PrivateKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  private static final Address SENDER = KEY.publicKey().toAddress();
  private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de0");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000cb");
  private static final Wei BASE_FEE = Wei.of(10);
  private static final BlockEnvironment BLOCK = new BlockEnvironment(COINBASE, 1, 1_000, 30_000_000, BASE_FEE,
      Hash.ZERO, 0, 1, number -> Hash.ZERO);

  private final TransactionExecutor executor = new TransactionExecutor(MainnetEvms.cancun(Map.of()));
  private TrieWorldState world;

  @BeforeEach
  void setUp() {
    world = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));
    world.updateAccount(SENDER, 0, Wei.of(1_000_000_000L), null, Map.of());
  }

  private static Transaction call(long nonce, Address to, long gasLimit, byte[] data) {
    return Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(nonce)
        .maxPriorityFeePerGas(Wei.of(2)).maxFeePerGas(Wei.of(20)).gasLimit(gasLimit).to(to).value(Wei.ZERO)
        .data(data).sign(KEY);
  }

  private TransactionReceipt executed(Transaction transaction) {
    TransactionOutcome outcome = executor.execute(world, BLOCK, transaction, 0);
    assertThat(outcome).isInstanceOf(TransactionOutcome.Executed.class);
    return ((TransactionOutcome.Executed) outcome).receipt();
  }

  @Test
  void storesAndPaysThePriorityFeeToTheCoinbase() {
    // PUSH1 1 PUSH1 0 SSTORE
    world.updateAccount(CONTRACT, 0, Wei.ZERO, Bytes.fromHex("0x6001600055"), Map.of());
    TransactionReceipt receipt = executed(call(0, CONTRACT, 100_000, Bytes.EMPTY));
    assertThat(receipt.success()).isTrue();
    // 21000 intrinsic + 3 + 3 + 2100 cold slot + 20000 set
    assertThat(receipt.gasUsed()).isEqualTo(43_106);
    assertThat(world.storage(CONTRACT, Word.of(0))).isEqualTo(Word.of(1));
    assertThat(world.account(COINBASE).orElseThrow().balance()).isEqualTo(Wei.of(43_106L * 2));
    assertThat(world.account(SENDER).orElseThrow().balance()).isEqualTo(Wei.of(1_000_000_000L - 43_106L * 12));
    assertThat(world.account(SENDER).orElseThrow().nonce()).isEqualTo(1);
  }

  @Test
  void refundsAreCappedAtAFifthOfTheGasUsed() {
    // PUSH1 0 PUSH1 0 SSTORE: clears slot 0, refunding 4800 but at most a fifth of the gas used
    world.updateAccount(CONTRACT, 0, Wei.ZERO, Bytes.fromHex("0x6000600055"), Map.of(Word.of(0), Word.of(5)));
    TransactionReceipt receipt = executed(call(0, CONTRACT, 100_000, Bytes.EMPTY));
    long used = 21_000 + 3 + 3 + 2_100 + 2_900;
    assertThat(receipt.gasUsed()).isEqualTo(used - Math.min(4_800, used / 5));
  }

  @Test
  void aRevertKeepsTheFeeButUndoesTheStorage() {
    // PUSH1 1 PUSH1 0 SSTORE PUSH1 0 PUSH1 0 REVERT
    world.updateAccount(CONTRACT, 0, Wei.ZERO, Bytes.fromHex("0x600160005560006000fd"), Map.of());
    TransactionReceipt receipt = executed(call(0, CONTRACT, 100_000, Bytes.EMPTY));
    assertThat(receipt.success()).isFalse();
    assertThat(receipt.logs()).isEmpty();
    assertThat(world.storage(CONTRACT, Word.of(0))).isEqualTo(Word.ZERO);
    assertThat(world.account(SENDER).orElseThrow().nonce()).isEqualTo(1);
  }

  @Test
  void anInvalidOpcodeConsumesAllGas() {
    world.updateAccount(CONTRACT, 0, Wei.ZERO, Bytes.fromHex("0xfe"), Map.of());
    TransactionReceipt receipt = executed(call(0, CONTRACT, 50_000, Bytes.EMPTY));
    assertThat(receipt.success()).isFalse();
    assertThat(receipt.gasUsed()).isEqualTo(50_000);
  }

  @Test
  void createsAContractAtTheSenderNonceAddress() {
    // initcode: return the one-byte code 0x00: PUSH1 0 PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 RETURN
    Transaction create = Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(0)
        .maxPriorityFeePerGas(Wei.of(2)).maxFeePerGas(Wei.of(20)).gasLimit(100_000).value(Wei.of(5))
        .data(Bytes.fromHex("0x600060005360016000f3")).sign(KEY);
    assertThat(executed(create).success()).isTrue();
    Address created = ContractAddresses.create(SENDER, 0);
    assertThat(world.account(created).orElseThrow().nonce()).isEqualTo(1);
    assertThat(world.account(created).orElseThrow().balance()).isEqualTo(Wei.of(5));
    assertThat(world.code(world.account(created).orElseThrow().codeHash())).containsExactly(0x00);
  }

  @Test
  void rejectedTransactionsChangeNothing() {
    Hash before = world.rootHash();
    assertRejected(call(1, CONTRACT, 21_000, Bytes.EMPTY), TransactionRejectionReason.NONCE_TOO_HIGH);
    assertRejected(call(0, CONTRACT, 40_000_000, Bytes.EMPTY), TransactionRejectionReason.GAS_LIMIT_ABOVE_BLOCK_GAS_LEFT);
    Transaction tooRich = Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(0)
        .maxPriorityFeePerGas(Wei.of(1)).maxFeePerGas(Wei.of(20)).gasLimit(21_000).to(CONTRACT)
        .value(Wei.of(1_000_000_000L)).data(Bytes.EMPTY).sign(KEY);
    assertRejected(tooRich, TransactionRejectionReason.INSUFFICIENT_FUNDS);
    Transaction lowFee = Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(0)
        .maxPriorityFeePerGas(Wei.of(1)).maxFeePerGas(Wei.of(9)).gasLimit(21_000).to(CONTRACT).value(Wei.ZERO)
        .data(Bytes.EMPTY).sign(KEY);
    assertRejected(lowFee, TransactionRejectionReason.FEE_CAP_BELOW_BASE_FEE);
    Transaction otherChain = Transaction.builder(TransactionType.EIP1559).chainId(5).nonce(0)
        .maxPriorityFeePerGas(Wei.of(1)).maxFeePerGas(Wei.of(20)).gasLimit(21_000).to(CONTRACT).value(Wei.ZERO)
        .data(Bytes.EMPTY).sign(KEY);
    assertRejected(otherChain, TransactionRejectionReason.WRONG_CHAIN_ID);
    world.updateAccount(SENDER, 0, Wei.of(1_000_000_000L), Bytes.fromHex("0x00"), Map.of());
    Hash withCode = world.rootHash();
    assertRejected(call(0, CONTRACT, 21_000, Bytes.EMPTY), TransactionRejectionReason.SENDER_NOT_EOA);
    assertThat(world.rootHash()).isEqualTo(withCode).isNotEqualTo(before);
  }

  @Test
  void berlinPaysTheWholeGasPriceToTheCoinbaseAndRefundsUpToHalf() {
    // PUSH1 0 PUSH1 0 SSTORE: clears slot 0, refunding 15000 but at most half the gas used
    world.updateAccount(CONTRACT, 0, Wei.ZERO, Bytes.fromHex("0x6000600055"), Map.of(Word.of(0), Word.of(5)));
    TransactionOutcome outcome = new TransactionExecutor(MainnetEvms.berlin(Map.of()))
        .execute(world, BLOCK, legacyCall(CONTRACT, Bytes.EMPTY), 0);
    long used = 21_000 + 3 + 3 + 2_100 + 2_900;
    long charged = used - Math.min(15_000, used / 2);
    assertThat(outcome).isInstanceOfSatisfying(TransactionOutcome.Executed.class,
        executed -> assertThat(executed.receipt().gasUsed()).isEqualTo(charged));
    assertThat(world.account(COINBASE).orElseThrow().balance()).isEqualTo(Wei.of(charged * 20));
  }

  @Test
  void berlinRejectsFeeMarketTransactions() {
    TransactionExecutor berlin = new TransactionExecutor(MainnetEvms.berlin(Map.of()));
    Hash before = world.rootHash();
    TransactionOutcome outcome = berlin.execute(world, BLOCK, call(0, CONTRACT, 21_000, Bytes.EMPTY), 0);
    assertThat(outcome).isInstanceOfSatisfying(TransactionOutcome.Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(TransactionRejectionReason.TRANSACTION_TYPE_NOT_SUPPORTED));
    assertThat(world.rootHash()).isEqualTo(before);
  }

  @Test
  void berlinRefundsSelfDestructAndDeletesTheAccount() {
    // CALLER SELFDESTRUCT: an account not created in this transaction, deleted before Cancun
    world.updateAccount(CONTRACT, 1, Wei.of(7), Bytes.fromHex("0x33ff"), Map.of());
    TransactionOutcome outcome = new TransactionExecutor(MainnetEvms.berlin(Map.of()))
        .execute(world, BLOCK, legacyCall(CONTRACT, Bytes.EMPTY), 0);
    long used = 21_000 + 2 + 5_000;
    assertThat(outcome).isInstanceOfSatisfying(TransactionOutcome.Executed.class,
        executed -> assertThat(executed.receipt().gasUsed()).isEqualTo(used - Math.min(24_000, used / 2)));
    assertThat(world.account(CONTRACT)).isEmpty();
  }

  @Test
  void cancunSelfDestructOfAnOldAccountOnlyMovesItsBalance() {
    world.updateAccount(CONTRACT, 1, Wei.of(7), Bytes.fromHex("0x33ff"), Map.of());
    TransactionReceipt receipt = executed(call(0, CONTRACT, 100_000, Bytes.EMPTY));
    assertThat(receipt.gasUsed()).isEqualTo(21_000 + 2 + 5_000);
    assertThat(world.account(CONTRACT).orElseThrow().balance()).isEqualTo(Wei.ZERO);
    assertThat(world.code(world.account(CONTRACT).orElseThrow().codeHash())).containsExactly(0x33, 0xff);
  }

  @Test
  void codeStartingWith0xEfIsDepositedBeforeLondonOnly() {
    // initcode returning the one-byte code 0xef: PUSH1 0xef PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 RETURN
    Transaction create = Transaction.builder(TransactionType.LEGACY).chainId(1).nonce(0).gasPrice(Wei.of(20))
        .gasLimit(100_000).value(Wei.ZERO).data(Bytes.fromHex("0x60ef60005360016000f3")).sign(KEY);
    Address created = ContractAddresses.create(SENDER, 0);

    TransactionOutcome london = new TransactionExecutor(MainnetEvms.london(Map.of())).execute(world, BLOCK, create, 0);
    assertThat(london).isInstanceOfSatisfying(TransactionOutcome.Executed.class,
        executed -> assertThat(executed.receipt().success()).isFalse());
    assertThat(world.account(created)).isEmpty();

    setUp();
    TransactionOutcome berlin = new TransactionExecutor(MainnetEvms.berlin(Map.of())).execute(world, BLOCK, create, 0);
    assertThat(berlin).isInstanceOfSatisfying(TransactionOutcome.Executed.class,
        executed -> assertThat(executed.receipt().success()).isTrue());
    assertThat(world.code(world.account(created).orElseThrow().codeHash())).containsExactly(0xef);
  }

  private static Transaction legacyCall(Address to, byte[] data) {
    return Transaction.builder(TransactionType.LEGACY).chainId(1).nonce(0).gasPrice(Wei.of(20)).gasLimit(100_000)
        .to(to).value(Wei.ZERO).data(data).sign(KEY);
  }

  private void assertRejected(Transaction transaction, TransactionRejectionReason reason) {
    Hash before = world.rootHash();
    TransactionOutcome outcome = executor.execute(world, BLOCK, transaction, 0);
    assertThat(outcome).isInstanceOfSatisfying(TransactionOutcome.Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    assertThat(world.rootHash()).isEqualTo(before);
  }
}
