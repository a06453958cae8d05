package io.citrate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.rlp.Rlp;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a node is given before {@link RpcCompare} measures it, as the same signed transactions for every node:
 * from account 0 of the devnet mnemonic, nonces from 0, it deploys the contract of {@code rpc-contract.txt}, calls
 * its {@code emitTicks} so that several blocks hold its {@code Tick} events, then pays {@link #RECIPIENT}, a fresh
 * account, {@link #RECIPIENT_AMOUNT}. Every measured answer is then known in advance: the recipient's balance, the
 * count {@code ticks()} returns, and each event {@code eth_getLogs} finds.
 */
final class RpcFixture {
  static final long CHAIN_ID = 1337;
  /** Account 0 of "test test test test test test test test test test test junk": funded on both nodes. */
  static final PrivateKey SENDER =
      PrivateKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  static final Address RECIPIENT =
      Address.fromHashTail(Keccak256.hash("citrate rpc benchmark".getBytes(StandardCharsets.US_ASCII)));
  static final Wei RECIPIENT_AMOUNT = Wei.of(1_234_567_890_123_456_789L);
  static final Hash TICK_TOPIC = Keccak256.hash("Tick(uint256)".getBytes(StandardCharsets.US_ASCII));
  /** ticks() */
  static final byte[] TICKS_SELECTOR = Bytes.fromHex("0x2cfffaf6");
  /** emitTicks(uint256) */
  private static final byte[] EMIT_TICKS_SELECTOR = Bytes.fromHex("0x912e7a43");
  private static final Wei MAX_FEE = Wei.ofGwei(50);
  private static final Wei TIP = Wei.ofGwei(1);
  private static final long INCLUSION_TIMEOUT_MILLIS = 60_000;
  private static final long RECEIPT_POLL_MILLIS = 50;

  private final List<Transaction> transactions;
  private final Address contract;
  private final int ticks;

  private RpcFixture(List<Transaction> transactions, Address contract, int ticks) {
    this.transactions = transactions;
    this.contract = contract;
    this.ticks = ticks;
  }

  /** Signs the fixture's transactions (deterministic signatures: the same bytes on every run). */
  static RpcFixture sign() {
    EvmWorkloads contract = EvmWorkloads.load("/rpc-contract.txt");
    int emitTransactions = contract.parameter("ticks.transactions");
    int ticksPerTransaction = contract.parameter("ticks.perTransaction");
    Address deployed = contractAddress(SENDER.publicKey().toAddress(), 0);
    List<Transaction> transactions = new ArrayList<>();
    long nonce = 0;
    transactions.add(builder(nonce++, contract.parameter("deploy.gasLimit"))
        .data(Bytes.concat(contract.code("init"), contract.code("runtime"))).sign(SENDER));
    for (int i = 0; i < emitTransactions; i++) {
      transactions.add(builder(nonce++, contract.parameter("ticks.gasLimit")).to(deployed)
          .data(Bytes.concat(EMIT_TICKS_SELECTOR, EvmWorkloads.word(ticksPerTransaction))).sign(SENDER));
    }
    transactions.add(builder(nonce, Transaction.TX_GAS).to(RECIPIENT).value(RECIPIENT_AMOUNT).sign(SENDER));
    return new RpcFixture(List.copyOf(transactions), deployed, emitTransactions * ticksPerTransaction);
  }

  private static Transaction.Builder builder(long nonce, long gasLimit) {
    return Transaction.builder(TransactionType.EIP1559).chainId(CHAIN_ID).nonce(nonce).gasLimit(gasLimit)
        .maxPriorityFeePerGas(TIP).maxFeePerGas(MAX_FEE).value(Wei.ZERO).data(Bytes.EMPTY);
  }

  /** Where a contract created by {@code sender} at {@code nonce} lives: keccak(rlp([sender, nonce]))[12..]. */
  private static Address contractAddress(Address sender, long nonce) {
    return Address.fromHashTail(Keccak256.hash(Rlp.encodeList(Rlp.encodeBytes(sender.toArray()),
        Rlp.encodeLong(nonce))));
  }

  Address contract() {
    return contract;
  }

  /** How many Tick events the transactions emit, numbered 0 to ticks - 1. */
  int ticks() {
    return ticks;
  }

  /** The blocks that hold the Tick events on one node. */
  record Prepared(long fromBlock, long toBlock) {}

  /**
   * Sends the transactions to a fresh node (nonces from 0) and waits until each has a successful receipt.
   *
   * @throws JsonRpcClient.ErrorResponse if the node refuses a call, {@code METHOD_NOT_FOUND} if it serves no
   *     receipts (checked before anything is sent)
   * @throws PreparationException if a transaction fails, is not included in time, or the node is on another chain
   */
  Prepared prepare(JsonRpcClient client, PrintStream log)
      throws IOException, JsonRpcClient.ErrorResponse, PreparationException {
    long chainId = quantity(client.call("eth_chainId")).longValueExact();
    if (chainId != CHAIN_ID) {
      throw new PreparationException("chain id " + chainId + ", not " + CHAIN_ID);
    }
    JsonNode unknown = client.call("eth_getTransactionReceipt", Hash.ZERO.toHex());
    if (!unknown.isNull()) {
      throw new PreparationException("a receipt for the zero transaction hash: " + unknown);
    }
    for (Transaction transaction : transactions) {
      String hash = client.call("eth_sendRawTransaction", Bytes.toHex(transaction.encoded())).asText();
      if (!hash.equalsIgnoreCase(transaction.hash().toHex())) {
        throw new PreparationException("eth_sendRawTransaction returned " + hash + " for "
            + transaction.hash().toHex());
      }
    }
    long fromBlock = Long.MAX_VALUE;
    long toBlock = Long.MIN_VALUE;
    long deadline = System.currentTimeMillis() + INCLUSION_TIMEOUT_MILLIS;
    for (int i = 0; i < transactions.size(); i++) {
      JsonNode receipt = awaitReceipt(client, transactions.get(i), deadline);
      if (!"0x1".equals(receipt.path("status").asText())) {
        throw new PreparationException("transaction " + i + " failed: " + receipt);
      }
      if (i == 0 && !contract.toHex().equalsIgnoreCase(receipt.path("contractAddress").asText())) {
        throw new PreparationException("the contract was created at " + receipt.path("contractAddress")
            + ", not " + contract.toHex());
      }
      if (i > 0 && i < transactions.size() - 1) {
        long block = quantity(receipt.path("blockNumber")).longValueExact();
        fromBlock = Math.min(fromBlock, block);
        toBlock = Math.max(toBlock, block);
      }
    }
    log.printf("  %d transactions included; %d Tick events in blocks %d to %d%n", transactions.size(), ticks,
        fromBlock, toBlock);
    return new Prepared(fromBlock, toBlock);
  }

  private static JsonNode awaitReceipt(JsonRpcClient client, Transaction transaction, long deadline)
      throws IOException, JsonRpcClient.ErrorResponse, PreparationException {
    while (true) {
      JsonNode receipt = client.call("eth_getTransactionReceipt", transaction.hash().toHex());
      if (!receipt.isNull()) {
        return receipt;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new PreparationException("transaction " + transaction.hash().toHex() + " (nonce "
            + transaction.nonce() + ") not included within " + INCLUSION_TIMEOUT_MILLIS / 1000 + " s");
      }
      try {
        Thread.sleep(RECEIPT_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PreparationException("interrupted waiting for receipts");
      }
    }
  }

  /** A JSON-RPC quantity ({@code 0x} and hex digits) as a number. */
  static BigInteger quantity(JsonNode value) throws PreparationException {
    String text = value.asText();
    if (!value.isTextual() || !text.startsWith("0x") || text.length() < 3) {
      throw new PreparationException("not a quantity: " + value);
    }
    try {
      return new BigInteger(text.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new PreparationException("not a quantity: " + value);
    }
  }

  /** {@code value} as a quantity, as JSON-RPC writes it. */
  static String hexQuantity(long value) {
    return "0x" + Long.toHexString(value).toLowerCase(Locale.ROOT);
  }

  /** The node could not be given the fixture: its reason. */
  static final class PreparationException extends Exception {
    PreparationException(String message) {
      super(message);
    }
  }
}
