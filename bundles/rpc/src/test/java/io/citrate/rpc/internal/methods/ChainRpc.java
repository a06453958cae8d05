package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.rpc.internal.RpcConfiguration;
import io.citrate.rpc.internal.RpcSettings;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.txpool.api.Admission;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The eth namespace over a devnet whose blocks the test produces, with a filter manager on a clock the test moves,
 * and an emitter contract written by hand: it copies its calldata to memory and {@code LOG2}s it with topics
 * {@link #EVENT} and the caller.
 */
final class ChainRpc {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Hash EVENT = Keccak256.hash("Emitted(address,bytes)".getBytes(StandardCharsets.UTF_8));

  final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  final AtomicLong clockMillis = new AtomicLong(1_000_000);
  final Filters filters;
  private final Map<String, JsonRpcMethod> methods;

  ChainRpc() {
    this(Map.of());
  }

  /** With {@link RpcConfiguration} attributes overridden, such as {@code logs_max_results}. */
  ChainRpc(Map<String, Object> configuration) {
    RpcConfiguration settings = RpcSettings.with(configuration);
    filters = Namespaces.listening(devnet, new Filters(settings, clockMillis::get));
    methods = Namespaces.of(devnet, settings, filters).stream().flatMap(namespace -> namespace.methods().stream())
        .collect(Collectors.toMap(JsonRpcMethod::name, Function.identity()));
  }

  /** The JSON result of {@code method} with parameters {@code params} (a JSON array). */
  JsonNode call(String method, String params) throws JsonRpcException {
    Object result = methods.get(method).response(new JsonRpcRequest(method, tree(params)));
    return result == null ? NullNode.getInstance() : JSON.valueToTree(result);
  }

  /** The error {@code method} fails with. */
  JsonRpcException error(String method, String params) {
    JsonRpcException error = catchThrowableOfType(() -> call(method, params), JsonRpcException.class);
    assertThat(error).as("%s %s fails", method, params).isNotNull();
    return error;
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  Transaction submit(Transaction transaction) {
    assertThat(devnet.node().submitTransaction(transaction.encoded())).isNotInstanceOf(Admission.Rejected.class);
    return transaction;
  }

  Hash produce() {
    return devnet.node().produceBlock();
  }

  Transaction transfer(PrivateKey from, long nonce) {
    return submit(devnet.transfer(from, nonce, Devnet.CAROL, Wei.ONE, 1));
  }

  /** Deploys the emitter from {@code from} (the next block holds it); its address is the receipt's. */
  Transaction deployEmitter(PrivateKey from, long nonce) {
    byte[] runtime = Bytes.concat(Bytes.fromHex("0x366000600037337f"), EVENT.toArray(), Bytes.fromHex("0x366000a200"));
    byte[] init = Bytes.concat(Bytes.fromHex("0x60" + hexByte(runtime.length) + "600c600039" + "60"
        + hexByte(runtime.length) + "6000f3"), runtime);
    return submit(signed(from, nonce, null, init, 1, 200_000));
  }

  /** Calls the emitter, which logs {@code data}. */
  Transaction emit(PrivateKey from, long nonce, Address emitter, byte[] data) {
    return emit(from, nonce, emitter, data, 1);
  }

  Transaction emit(PrivateKey from, long nonce, Address emitter, byte[] data, long tipGwei) {
    return submit(signed(from, nonce, emitter, data, tipGwei, 100_000));
  }

  private Transaction signed(PrivateKey from, long nonce, Address to, byte[] data, long tipGwei, long gas) {
    Transaction.Builder builder = Transaction.builder(TransactionType.EIP1559)
        .chainId(devnet.node().chainSpec().chainId()).nonce(nonce).maxPriorityFeePerGas(Wei.ofGwei(tipGwei))
        .maxFeePerGas(Wei.ofGwei(100 + 10 * tipGwei)).gasLimit(gas).value(Wei.ZERO).data(data);
    if (to != null) {
      builder.to(to);
    }
    return builder.sign(from);
  }

  private static String hexByte(int value) {
    return String.format("%02x", value);
  }

  static String quoted(Object value) {
    return "\"" + value + "\"";
  }
}
