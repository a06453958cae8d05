package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.api.NodeStatus;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.internal.JsonRpcMethods;
import io.citrate.rpc.internal.JsonRpcProcessor;
import io.citrate.store.api.MemoryKeyValueStore;
import io.citrate.vm.internal.evm.ContractAddresses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebugTraceTransactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Address ALICE = Devnet.ALICE.publicKey().toAddress();
  private static final Address CALLEE = ContractAddresses.create(ALICE, 0);
  private static final Address CALLER = ContractAddresses.create(ALICE, 1);
  private static final Address REVERTER = ContractAddresses.create(ALICE, 2);
  /** SSTOREs 7 at slot 0, emits LOG1 of nothing with topic 1, returns 42 as a word. */
  private static final String CALLEE_CODE = "6007600055" + "600160006000a1" + "602a60005260206000f3";
  /** CALLs the callee with 0xffff gas for a word of output and returns that word. */
  private static final String CALLER_CODE =
      "60206000600060006000" + "73" + CALLEE.toHex().substring(2) + "61ffff" + "f1" + "50" + "60206000f3";
  private static final String ERROR_SELECTOR = "08c379a0";
  /** Reverts with Error("nope"). */
  private static final String REVERTER_CODE = "7f" + ERROR_SELECTOR + "00".repeat(28) + "600052" + "6020600452"
      + "6004602452" + "7f" + Bytes.toHexNoPrefix("nope".getBytes(StandardCharsets.UTF_8)) + "00".repeat(28)
      + "604452" + "60646000fd";

  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  private final JsonRpcProcessor processor = processor(TraceLimits.DEFAULT);
  private Transaction deployCallee;
  private Transaction callCaller;
  private Transaction callReverter;
  private Transaction transfer;

  @BeforeEach
  void deployAndCall() {
    deployCallee = send(Devnet.ALICE, 0, null, Bytes.fromHex(deployment(CALLEE_CODE)));
    send(Devnet.ALICE, 1, null, Bytes.fromHex(deployment(CALLER_CODE)));
    send(Devnet.ALICE, 2, null, Bytes.fromHex(deployment(REVERTER_CODE)));
    devnet.node().produceBlock();
    callCaller = send(Devnet.ALICE, 3, CALLER, Bytes.EMPTY);
    callReverter = send(Devnet.ALICE, 4, REVERTER, Bytes.EMPTY);
    transfer = devnet.transfer(Devnet.BOB, 0, Devnet.CAROL, Wei.ofGwei(5), 2);
    devnet.node().submitTransaction(transfer.encoded());
    devnet.node().produceBlock();
  }

  /** Initcode that deploys {@code runtime}: CODECOPY the code after this 11-byte prefix, RETURN it. */
  private static String deployment(String runtime) {
    return "0x60" + String.format("%02x", runtime.length() / 2) + "80600b6000396000f3" + runtime;
  }

  private Transaction send(PrivateKey from, long nonce, Address to, byte[] data) {
    Transaction transaction = Transaction.builder(TransactionType.EIP1559).chainId(devnet.node().chainSpec().chainId())
        .nonce(nonce).maxPriorityFeePerGas(Wei.ofGwei(2)).maxFeePerGas(Wei.ofGwei(200)).gasLimit(300_000).to(to)
        .value(Wei.ZERO).data(data).sign(from);
    assertThat(devnet.node().submitTransaction(transaction.encoded()).isAccepted()).isTrue();
    return transaction;
  }

  private JsonRpcProcessor processor(TraceLimits limits) {
    List<JsonRpcMethod> methods = new ArrayList<>(Namespaces.methods(devnet)
        .filter(method -> !method.name().equals("debug_traceTransaction")).toList());
    methods.addAll(new DebugNamespace(devnet.node(), limits).methods());
    return new JsonRpcProcessor(JsonRpcMethods.of(methods), 4);
  }

  private JsonNode trace(JsonRpcProcessor through, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"debug_traceTransaction\",\"params\":" + params + "}";
    return JSON.readTree(through.process(body.getBytes(StandardCharsets.UTF_8)).orElseThrow());
  }

  private JsonNode result(Transaction transaction, String options) throws Exception {
    JsonNode response = trace(processor, "[\"" + transaction.hash() + "\"" + (options == null ? "" : "," + options)
        + "]");
    assertThat(response.has("error")).as("error %s", response.get("error")).isFalse();
    return response.get("result");
  }

  private static List<JsonNode> entries(JsonNode structLogs) {
    return StreamSupport.stream(structLogs.spliterator(), false).toList();
  }

  private long gasUsed(Transaction transaction) {
    return devnet.node().traceTransaction(transaction.hash(), new io.citrate.vm.api.ExecutionTracer() {})
        .orElseThrow().receipt().gasUsed();
  }

  @Test
  void aTransferHasNoStructLogsAndOneCallFrame() throws Exception {
    JsonNode logs = result(transfer, null);
    assertThat(logs.get("gas").asLong()).isEqualTo(21_000);
    assertThat(logs.get("failed").asBoolean()).isFalse();
    assertThat(logs.get("returnValue").asText()).isEqualTo("0x");
    assertThat(logs.get("structLogs").isArray()).isTrue();
    assertThat(logs.get("structLogs")).isEmpty();

    JsonNode call = result(transfer, "{\"tracer\":\"callTracer\"}");
    assertThat(call.get("type").asText()).isEqualTo("CALL");
    assertThat(call.get("from").asText()).isEqualTo(Devnet.BOB.publicKey().toAddress().toHex());
    assertThat(call.get("to").asText()).isEqualTo(Devnet.CAROL.toHex());
    assertThat(call.get("value").asText()).isEqualTo("0x12a05f200");
    assertThat(call.get("gas").asText()).isEqualTo("0x5208");
    assertThat(call.get("gasUsed").asText()).isEqualTo("0x5208");
    assertThat(call.get("input").asText()).isEqualTo("0x");
    assertThat(call.has("calls")).isFalse();
    assertThat(call.has("error")).isFalse();
  }

  @Test
  void structLogsFollowEveryOperationIntoTheCalledContract() throws Exception {
    JsonNode result = result(callCaller, null);
    long gasUsed = gasUsed(callCaller);
    assertThat(result.get("gas").asLong()).isEqualTo(gasUsed);
    assertThat(result.get("failed").asBoolean()).isFalse();
    assertThat(result.get("returnValue").asText()).isEqualTo("0x" + "00".repeat(31) + "2a");
    List<JsonNode> steps = entries(result.get("structLogs"));
    JsonNode first = steps.get(0);
    assertThat(first.get("pc").asInt()).isZero();
    assertThat(first.get("op").asText()).isEqualTo("PUSH1");
    assertThat(first.get("gas").asLong()).isEqualTo(300_000 - 21_000);
    assertThat(first.get("gasCost").asLong()).isEqualTo(3);
    assertThat(first.get("depth").asInt()).isEqualTo(1);
    assertThat(first.get("stack")).isEmpty();
    assertThat(first.has("memory")).isFalse();
    assertThat(steps.get(1).get("stack").get(0).asText()).isEqualTo("0x20");

    JsonNode call = steps.stream().filter(step -> step.get("op").asText().equals("CALL")).findFirst().orElseThrow();
    assertThat(call.get("stack").get(call.get("stack").size() - 1).asText()).isEqualTo("0xffff");
    assertThat(call.get("stack").get(call.get("stack").size() - 2).asText()).isEqualTo(CALLEE.toHex());
    JsonNode calleeFirst = steps.get(steps.indexOf(call) + 1);
    assertThat(calleeFirst.get("depth").asInt()).isEqualTo(2);
    assertThat(calleeFirst.get("pc").asInt()).isZero();
    assertThat(calleeFirst.get("gas").asLong()).isEqualTo(0xffff);
    // Cold access, a word of memory for the output, and the gas handed to the callee.
    assertThat(call.get("gasCost").asLong()).isEqualTo(2_600 + 3 + 0xffff);

    JsonNode sstore = steps.stream().filter(step -> step.get("op").asText().equals("SSTORE")).findFirst()
        .orElseThrow();
    assertThat(sstore.get("depth").asInt()).isEqualTo(2);
    assertThat(sstore.get("gasCost").asLong()).isEqualTo(22_100);
    assertThat(sstore.get("storage").get("00".repeat(32)).asText()).isEqualTo("00".repeat(31) + "07");
    assertThat(steps).extracting(step -> step.get("op").asText()).contains("LOG1");
    JsonNode last = steps.get(steps.size() - 1);
    assertThat(last.get("op").asText()).isEqualTo("RETURN");
    assertThat(last.get("depth").asInt()).isEqualTo(1);
    assertThat(steps).allSatisfy(step -> assertThat(step.has("error")).isFalse());
  }

  @Test
  void optionsChooseWhatEachStepCarries() throws Exception {
    List<JsonNode> bare = entries(result(callCaller, "{\"disableStack\":true,\"disableStorage\":true}")
        .get("structLogs"));
    assertThat(bare).allSatisfy(step -> {
      assertThat(step.has("stack")).isFalse();
      assertThat(step.has("storage")).isFalse();
    });

    List<JsonNode> full = entries(result(callCaller, "{\"enableMemory\":true,\"enableReturnData\":true}")
        .get("structLogs"));
    JsonNode afterCall = full.stream().filter(step -> step.get("op").asText().equals("POP")).findFirst().orElseThrow();
    assertThat(afterCall.get("depth").asInt()).isEqualTo(1);
    assertThat(afterCall.get("returnData").asText()).isEqualTo("0x" + "00".repeat(31) + "2a");
    assertThat(afterCall.get("memory").get(0).asText()).isEqualTo("00".repeat(31) + "2a");
    assertThat(full.get(0).has("memory")).isFalse();
  }

  @Test
  void theCallTracerNestsTheInnerCallWithItsLogsOnRequest() throws Exception {
    JsonNode top = result(callCaller, "{\"tracer\":\"callTracer\",\"tracerConfig\":{\"withLog\":true}}");
    assertThat(top.get("type").asText()).isEqualTo("CALL");
    assertThat(top.get("from").asText()).isEqualTo(ALICE.toHex());
    assertThat(top.get("to").asText()).isEqualTo(CALLER.toHex());
    assertThat(top.get("value").asText()).isEqualTo("0x0");
    assertThat(top.get("gas").asText()).isEqualTo("0x493e0");
    assertThat(top.get("gasUsed").asText()).isEqualTo(Quantities.quantity(gasUsed(callCaller)));
    assertThat(top.get("output").asText()).isEqualTo("0x" + "00".repeat(31) + "2a");
    assertThat(top.has("logs")).isFalse();
    JsonNode inner = top.get("calls").get(0);
    assertThat(top.get("calls")).hasSize(1);
    assertThat(inner.get("type").asText()).isEqualTo("CALL");
    assertThat(inner.get("from").asText()).isEqualTo(CALLER.toHex());
    assertThat(inner.get("to").asText()).isEqualTo(CALLEE.toHex());
    assertThat(inner.get("gas").asText()).isEqualTo("0xffff");
    assertThat(inner.get("output").asText()).isEqualTo("0x" + "00".repeat(31) + "2a");
    JsonNode log = inner.get("logs").get(0);
    assertThat(log.get("address").asText()).isEqualTo(CALLEE.toHex());
    assertThat(log.get("topics").get(0).asText()).isEqualTo("0x" + "00".repeat(31) + "01");
    assertThat(log.get("data").asText()).isEqualTo("0x");
    assertThat(log.get("position").asText()).isEqualTo("0x0");

    JsonNode withoutLogs = result(callCaller, "{\"tracer\":\"callTracer\"}");
    assertThat(withoutLogs.get("calls").get(0).has("logs")).isFalse();
    JsonNode onlyTop = result(callCaller, "{\"tracer\":\"callTracer\",\"tracerConfig\":{\"onlyTopCall\":true}}");
    assertThat(onlyTop.has("calls")).isFalse();
    assertThat(onlyTop.get("gasUsed")).isEqualTo(top.get("gasUsed"));
  }

  @Test
  void aCreationShowsTheNewContractAndItsCode() throws Exception {
    JsonNode creation = result(deployCallee, "{\"tracer\":\"callTracer\"}");
    assertThat(creation.get("type").asText()).isEqualTo("CREATE");
    assertThat(creation.get("to").asText()).isEqualTo(CALLEE.toHex());
    assertThat(creation.get("input").asText()).isEqualTo(deployment(CALLEE_CODE));
    assertThat(creation.get("output").asText()).isEqualTo("0x" + CALLEE_CODE);
  }

  @Test
  void aRevertedCallCarriesItsReason() throws Exception {
    JsonNode call = result(callReverter, "{\"tracer\":\"callTracer\"}");
    assertThat(call.get("error").asText()).isEqualTo("execution reverted");
    assertThat(call.get("revertReason").asText()).isEqualTo("nope");
    assertThat(call.get("output").asText()).startsWith("0x" + ERROR_SELECTOR);

    JsonNode logs = result(callReverter, null);
    assertThat(logs.get("failed").asBoolean()).isTrue();
    assertThat(logs.get("returnValue").asText()).isEqualTo(call.get("output").asText());
    List<JsonNode> steps = entries(logs.get("structLogs"));
    assertThat(steps.get(steps.size() - 1).get("op").asText()).isEqualTo("REVERT");
  }

  @Test
  void anUnknownTransactionOrTracerIsAClearError() throws Exception {
    JsonNode unknown = trace(processor, "[\"" + Hash.ZERO + "\"]");
    assertThat(unknown.get("error").get("code").asInt()).isEqualTo(-32000);
    assertThat(unknown.get("error").get("message").asText())
        .isEqualTo("transaction " + Hash.ZERO + " not found");

    JsonNode tracer = trace(processor, "[\"" + callCaller.hash() + "\",{\"tracer\":\"prestateTracer\"}]");
    assertThat(tracer.get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(tracer.get("error").get("message").asText()).contains("tracer not found", "prestateTracer");
  }

  @Test
  void malformedParametersAreInvalidParamsAndChangeNothing() throws Exception {
    NodeStatus before = devnet.node().status();
    String hash = "\"" + callCaller.hash() + "\"";
    for (String params : List.of("[]", "[123]", "[\"0xzz\"]", "[\"0x1234\"]", "[" + hash + ",\"callTracer\"]",
        "[" + hash + ",{\"disableStack\":\"yes\"}]", "[" + hash + ",{\"tracer\":7}]",
        "[" + hash + ",{\"tracer\":\"callTracer\",\"tracerConfig\":{\"withLog\":1}}]",
        "[" + hash + ",{\"tracer\":\"callTracer\",\"tracerConfig\":[]}]", "[" + hash + ",{},1]")) {
      JsonNode response = trace(processor, params);
      assertThat(response.get("error").get("code").asInt()).as(params).isEqualTo(-32602);
    }
    NodeStatus after = devnet.node().status();
    assertThat(after.headNumber()).isEqualTo(before.headNumber());
    assertThat(after.headStateRoot()).isEqualTo(before.headStateRoot());
  }

  @Test
  void aStructLogLargerThanTheLimitsIsRefusedAndSaysSo() throws Exception {
    JsonRpcProcessor fewSteps = processor(new TraceLimits(5, TraceLimits.DEFAULT_MAX_BYTES));
    JsonNode refused = trace(fewSteps, "[\"" + callCaller.hash() + "\"]");
    assertThat(refused.get("error").get("code").asInt()).isEqualTo(-32005);
    assertThat(refused.get("error").get("message").asText()).contains("5 steps", "trace.max.steps");
    // The call tracer records frames, not steps: the limit does not apply.
    assertThat(trace(fewSteps, "[\"" + callCaller.hash() + "\",{\"tracer\":\"callTracer\"}]").has("result"))
        .isTrue();

    JsonRpcProcessor fewBytes = processor(new TraceLimits(TraceLimits.DEFAULT_MAX_STEPS, 4_000));
    JsonNode withMemory = trace(fewBytes, "[\"" + callCaller.hash() + "\",{\"enableMemory\":true}]");
    assertThat(withMemory.get("error").get("code").asInt()).isEqualTo(-32005);
    assertThat(withMemory.get("error").get("message").asText()).contains("4000 bytes", "trace.max.bytes");
    assertThat(trace(fewBytes, "[\"" + transfer.hash() + "\"]").has("result")).isTrue();
    // Tracing leaves the chain as it was: the same trace answers the same afterwards.
    assertThat(result(callCaller, null)).isEqualTo(result(callCaller, null));
  }
}
