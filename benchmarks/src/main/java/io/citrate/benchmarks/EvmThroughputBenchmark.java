package io.citrate.benchmarks;

import static io.citrate.benchmarks.EvmWorkloads.balanceSlot;
import static io.citrate.benchmarks.EvmWorkloads.senderKey;
import static io.citrate.benchmarks.EvmWorkloads.transferCalldata;
import static io.citrate.benchmarks.EvmWorkloads.word;

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
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.precompile.MainnetPrecompiles;
import io.citrate.vm.internal.processor.TransactionExecutor;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Million gas per second of Citrate's EVM on the three workloads of {@code evm-workloads.txt}: an arithmetic
 * loop, a keccak and storage loop, and a block of ERC-20 transfers. A harness rather than a JMH class because
 * a measurement is a batch of transactions whose gas, not count, is the unit of work. Each repetition starts
 * from a fresh in-memory state (not timed) and times executing the transactions and computing the state root,
 * as a block would. {@code peers/ethereumjs/evm-throughput.mjs} runs the same transactions; both print lines
 * {@code RESULT workload=... mgas=... gas=... root=...} that {@code evm-compare.sh} tabulates.
 *
 * <p>Usage: {@code EvmThroughputBenchmark [repetitions] [warm-up repetitions]}
 */
public final class EvmThroughputBenchmark {
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000cb");
  private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de0");
  private static final BlockEnvironment BLOCK = new BlockEnvironment(COINBASE, 1, 1_000, 30_000_000, Wei.of(10),
      Hash.ZERO, 0, 1, number -> Hash.ZERO);
  private static final Wei SENDER_BALANCE = Wei.of(1_000_000_000_000_000_000L);
  /** Opcodes executed by the arithmetic contract: 3 before the loop, 19 per iteration, 5 after it. */
  private static final int ARITHMETIC_OPCODES_PER_ITERATION = 19;
  private static final int ARITHMETIC_OPCODES_OUTSIDE_LOOP = 8;
  /** Gas of the arithmetic contract's opcodes: 9 before the loop, 66 per iteration, 15 after it (with memory). */
  private static final int ARITHMETIC_GAS_PER_ITERATION = 66;
  private static final int ARITHMETIC_GAS_OUTSIDE_LOOP = 24;

  private final EvmWorkloads workloads = EvmWorkloads.load();
  private final TransactionExecutor executor =
      new TransactionExecutor(MainnetEvms.cancun(MainnetPrecompiles.cancun()));

  /** One repetition's input: the state before the block and the block's signed transactions. */
  private record Batch(TrieWorldState world, List<Transaction> transactions) {}

  private record Measurement(long gasUsed, long nanos, Hash root) {
    double megagasPerSecond() {
      return gasUsed * 1_000.0 / nanos;
    }
  }

  public static void main(String[] args) {
    int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    EvmThroughputBenchmark benchmark = new EvmThroughputBenchmark();
    for (String workload : List.of("arithmetic", "storage", "erc20")) {
      for (int i = 0; i < warmUps; i++) {
        benchmark.measure(workload);
      }
      long expectedGas = -1;
      for (int i = 0; i < repetitions; i++) {
        Measurement measurement = benchmark.measure(workload);
        if (expectedGas >= 0 && measurement.gasUsed() != expectedGas) {
          throw new IllegalStateException(workload + ": gas used changed between repetitions");
        }
        expectedGas = measurement.gasUsed();
        System.out.printf("RESULT workload=%s mgas=%.2f gas=%d ms=%.1f root=%s%n", workload,
            measurement.megagasPerSecond(), measurement.gasUsed(), measurement.nanos() / 1e6,
            measurement.root().toHex());
      }
    }
    benchmark.reportArithmeticAllocation();
  }

  private Measurement measure(String workload) {
    Batch batch = switch (workload) {
      case "arithmetic" -> arithmetic();
      case "storage" -> storage();
      case "erc20" -> erc20();
      default -> throw new IllegalArgumentException(workload);
    };
    long gasUsed = 0;
    long start = System.nanoTime();
    for (Transaction transaction : batch.transactions()) {
      gasUsed += successfulReceipt(batch.world(), transaction).gasUsed();
    }
    Hash root = batch.world().rootHash();
    long nanos = System.nanoTime() - start;
    if (workload.equals("arithmetic") && gasUsed != expectedArithmeticGas(batch.transactions())) {
      throw new IllegalStateException("arithmetic: gas used " + gasUsed + ", expected "
          + expectedArithmeticGas(batch.transactions()));
    }
    return new Measurement(gasUsed, nanos, root);
  }

  /** The arithmetic block's gas worked out by hand: intrinsic gas, calldata, and the opcodes' fixed costs. */
  private long expectedArithmeticGas(List<Transaction> transactions) {
    long perTransaction = 21_000 + ARITHMETIC_GAS_OUTSIDE_LOOP
        + (long) ARITHMETIC_GAS_PER_ITERATION * parameter("arithmetic.iterations");
    for (byte b : word(parameter("arithmetic.iterations"))) {
      perTransaction += b == 0 ? 4 : 16;
    }
    return perTransaction * transactions.size();
  }

  private TransactionReceipt successfulReceipt(TrieWorldState world, Transaction transaction) {
    TransactionOutcome outcome = executor.execute(world, BLOCK, transaction, 0);
    if (!(outcome instanceof TransactionOutcome.Executed executed) || !executed.receipt().success()) {
      throw new IllegalStateException("transaction failed: " + outcome);
    }
    return executed.receipt();
  }

  private Batch arithmetic() {
    TrieWorldState world = worldWithContract("arithmetic", Map.of(), 1);
    PrivateKey key = senderKey(0);
    List<Transaction> transactions = new ArrayList<>();
    for (int nonce = 0; nonce < parameter("arithmetic.transactions"); nonce++) {
      transactions.add(call(key, nonce, parameter("arithmetic.gasLimit"), word(parameter("arithmetic.iterations"))));
    }
    return new Batch(world, transactions);
  }

  private Batch storage() {
    Map<Word, Word> existingSlots = new HashMap<>();
    for (int slot = 0; slot < 64; slot++) {
      existingSlots.put(Word.of(slot), Word.of(1));
    }
    TrieWorldState world = worldWithContract("storage", existingSlots, 1);
    PrivateKey key = senderKey(0);
    int count = parameter("storage.count");
    List<Transaction> transactions = new ArrayList<>();
    for (int nonce = 0; nonce < parameter("storage.transactions"); nonce++) {
      byte[] data = Bytes.concat(word(1 + (long) nonce * count), word(count));
      transactions.add(call(key, nonce, parameter("storage.gasLimit"), data));
    }
    return new Batch(world, transactions);
  }

  private Batch erc20() {
    int holders = parameter("erc20.holders");
    List<PrivateKey> keys = new ArrayList<>();
    Map<Word, Word> balances = new HashMap<>();
    for (int holder = 0; holder < holders; holder++) {
      keys.add(senderKey(holder));
      balances.put(balanceSlot(keys.get(holder).publicKey().toAddress()), Word.of(parameter("erc20.initialBalance")));
    }
    TrieWorldState world = worldWithContract("erc20", balances, holders);
    List<Transaction> transactions = new ArrayList<>();
    for (int j = 0; j < parameter("erc20.transactions"); j++) {
      Address to = keys.get((7 * j + 3) % holders).publicKey().toAddress();
      byte[] data = transferCalldata(to, 1 + j % 100);
      transactions.add(call(keys.get(j % holders), j / holders, parameter("erc20.gasLimit"), data));
    }
    return new Batch(world, transactions);
  }

  /** A fresh in-memory state holding the workload's contract and {@code senders} funded senders. */
  private TrieWorldState worldWithContract(String workload, Map<Word, Word> storage, int senders) {
    TrieWorldState world = TrieWorldState.empty(new KeyValueTrieNodeStore(new MemoryKeyValueStore()));
    world.updateAccount(CONTRACT, 1, Wei.ZERO, workloads.code(workload), storage);
    for (int sender = 0; sender < senders; sender++) {
      world.updateAccount(senderKey(sender).publicKey().toAddress(), 0, SENDER_BALANCE, null, Map.of());
    }
    return world;
  }

  private int parameter(String name) {
    return workloads.parameter(name);
  }

  private static Transaction call(PrivateKey key, long nonce, long gasLimit, byte[] data) {
    return Transaction.builder(TransactionType.EIP1559).chainId(1).nonce(nonce)
        .maxPriorityFeePerGas(Wei.of(2)).maxFeePerGas(Wei.of(20)).gasLimit(gasLimit).to(CONTRACT).value(Wei.ZERO)
        .data(data).sign(key);
  }

  /**
   * Allocated bytes per executed opcode over one arithmetic transaction, once warm: the interpreter's loop
   * should allocate nothing per opcode, so this is the transaction's fixed cost spread over its opcodes.
   */
  private void reportArithmeticAllocation() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long iterations = parameter("arithmetic.iterations");
    long opcodes = ARITHMETIC_OPCODES_PER_ITERATION * iterations + ARITHMETIC_OPCODES_OUTSIDE_LOOP;
    for (int round = 0; round < 3; round++) {
      Batch batch = arithmetic();
      Transaction transaction = batch.transactions().get(0);
      long before = threads.getCurrentThreadAllocatedBytes();
      successfulReceipt(batch.world(), transaction);
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      System.out.printf("ALLOCATION workload=arithmetic opcodes=%d bytes=%d bytesPerOpcode=%.4f%n", opcodes,
          allocated, (double) allocated / opcodes);
    }
  }
}
