package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.rpc.internal.JsonRpcMethods;
import io.citrate.rpc.internal.JsonRpcProcessor;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.txpool.api.Admission;
import io.citrate.vm.internal.evm.ContractAddresses;
import java.nio.charset.StandardCharsets;

/**
 * A devnet node behind the JSON-RPC processor, and a small contract deployed by a transaction: it stores 42 in
 * slot 0 when created; called without data it returns slot 0; called with a non-zero word it stores that word;
 * called with a zero word it reverts with {@code Error("zero")}.
 */
final class RpcFixture {
  static final Address ALICE = Devnet.ALICE.publicKey().toAddress();
  static final String RUNTIME = "0x"
      + "36600f57" + "600054" + "600052" + "60206000f3"
      + "5b" + "600035" + "80" + "15" + "601c" + "57" + "600055" + "00"
      + "5b" + "7f08c379a0" + "00".repeat(28) + "600052" + "6020600452" + "6004602452"
      + "7f7a65726f" + "00".repeat(28) + "604452" + "60646000fd";
  private static final ObjectMapper JSON = new ObjectMapper();

  final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  private final JsonRpcProcessor processor =
      new JsonRpcProcessor(JsonRpcMethods.of(Namespaces.methods(devnet).toList()), 10);

  /** The creation code: SSTORE(0, 42), then CODECOPY the runtime after these 16 bytes and RETURN it. */
  static byte[] initcode() {
    byte[] runtime = Bytes.fromHex(RUNTIME);
    return Bytes.concat(Bytes.fromHex("0x602a600055" + "60" + String.format("%02x", runtime.length)
        + "80" + "6010" + "6000" + "39" + "6000" + "f3"), runtime);
  }

  static String word(long value) {
    return "0x" + String.format("%064x", value);
  }

  JsonNode call(String method, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    return JSON.readTree(processor.process(body.getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }

  String result(String method, String params) throws Exception {
    JsonNode response = call(method, params);
    assertThat(response.get("error")).as("error of %s %s", method, params).isNull();
    return response.get("result").asText();
  }

  JsonNode error(String method, String params) throws Exception {
    JsonNode response = call(method, params);
    assertThat(response.get("result")).as("result of %s %s", method, params).isNull();
    return response.get("error");
  }

  /**
   * A proxy to {@code target}: calls it with the call data and all gas but the 1/64 EIP-150 keeps back, and
   * reverts when that call fails.
   */
  static byte[] proxyInitcode(Address target) {
    byte[] runtime = Bytes.fromHex("0x" + "366000600037" + "60006000366000600073" + target.toString().substring(2)
        + "5af1" + "15602b5700" + "5b60006000fd");
    return Bytes.concat(Bytes.fromHex("0x60" + String.format("%02x", runtime.length) + "80600b6000396000f3"),
        runtime);
  }

  /** Deploys the contract from Alice with her next nonce in a block of its own; returns its address. */
  Address deploy() {
    return deploy(initcode());
  }

  /** Deploys {@code initcode} from Alice with her next nonce in a block of its own; returns its address. */
  Address deploy(byte[] initcode) {
    long nonce = devnet.node().pendingNonce(ALICE);
    Transaction creation = Transaction.builder(TransactionType.EIP1559).chainId(devnet.node().chainSpec().chainId())
        .nonce(nonce).maxPriorityFeePerGas(Wei.ofGwei(1)).maxFeePerGas(Wei.ofGwei(200)).gasLimit(300_000)
        .value(Wei.ZERO).data(initcode).sign(Devnet.ALICE);
    assertThat(devnet.node().submitTransaction(creation.encoded()).isAccepted()).isTrue();
    devnet.node().produceBlock();
    return ContractAddresses.create(ALICE, nonce);
  }

  /** Sends a transaction from {@code key} with its next nonce, produces a block, and returns how it fared. */
  AcceptedTransaction send(PrivateKey key, Address to, long gasLimit, byte[] data) {
    Transaction transaction = Transaction.builder(TransactionType.EIP1559)
        .chainId(devnet.node().chainSpec().chainId()).nonce(devnet.node().pendingNonce(key.publicKey().toAddress()))
        .maxPriorityFeePerGas(Wei.ofGwei(1)).maxFeePerGas(Wei.ofGwei(200)).gasLimit(gasLimit).to(to)
        .value(Wei.ZERO).data(data).sign(key);
    Admission admission = devnet.node().submitTransaction(transaction.encoded());
    assertThat(admission.isAccepted()).as("admission %s", admission).isTrue();
    devnet.node().produceBlock();
    long head = devnet.node().status().headNumber();
    return devnet.node().chainBlock(head).orElseThrow().transactions().stream()
        .filter(accepted -> accepted.transaction().hash().equals(transaction.hash())).findFirst().orElseThrow();
  }
}
