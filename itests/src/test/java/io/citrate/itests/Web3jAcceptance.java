package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactivex.disposables.Disposable;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.LogNotification;
import org.web3j.protocol.websocket.events.NewHead;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * A dApp developer's session with web3j against the suite's node, as against any Ethereum client: deploy the
 * DevToken artefact, call it, send token and ether transfers, read receipts, logs, blocks and balances, see a
 * revert reason, and receive heads and logs over WebSocket. Standard JSON-RPC behaviour as geth answers it.
 */
public class Web3jAcceptance {
  private static final long CHAIN_ID = 1337;
  private static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(60);
  private static final BigInteger INTRINSIC_GAS = BigInteger.valueOf(21_000);
  private static final BigInteger INITIAL_SUPPLY = Convert.toWei("1000000", Convert.Unit.ETHER).toBigIntegerExact();
  private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
  private static final ObjectMapper JSON = new ObjectMapper();

  // Accounts 0 (the devnet's validator) and 1 of the public development mnemonic "test test ... junk".
  private static final Credentials DEPLOYER =
      Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final Credentials HOLDER =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  private static final Event TRANSFER = new Event("Transfer", List.of(new TypeReference<Address>(true) { },
      new TypeReference<Address>(true) { }, new TypeReference<Uint256>() { }));
  private static final String TRANSFER_TOPIC = EventEncoder.encode(TRANSFER);

  private static Web3j web3j;
  private static TransactionReceiptProcessor receipts;
  private static JsonNode artefact;
  private static BigInteger deploymentNonce;
  private static TransactionReceipt deployment;
  private static String token;

  @BeforeClass
  public static void deployToken() throws Exception {
    artefact = JSON.readTree(Path.of(System.getProperty("citrate.contracts"), "DevToken.json").toFile());
    web3j = Web3j.build(new HttpService(DappAcceptanceIT.DISTRIBUTION.httpUrl().toString()));
    // web3j polls for receipts every 15 s by default; devnet blocks come every second.
    receipts = new PollingTransactionReceiptProcessor(web3j, 200, 300);
    deploymentNonce = nonce(DEPLOYER.getAddress(), DefaultBlockParameterName.PENDING);
    String creation = artefact.path("bytecode").asText()
        + FunctionEncoder.encodeConstructor(List.of(new Uint256(INITIAL_SUPPLY)));
    deployment = send(DEPLOYER, "", creation, BigInteger.ZERO);
    token = deployment.getContractAddress();
  }

  @AfterClass
  public static void disconnect() {
    if (web3j != null) {
      web3j.shutdown();
    }
  }

  @Test
  public void identifiesTheDevnet() throws IOException {
    assertEquals(BigInteger.valueOf(CHAIN_ID), ok(web3j.ethChainId().send()).getChainId());
    assertEquals(String.valueOf(CHAIN_ID), ok(web3j.netVersion().send()).getNetVersion());
    assertFalse(ok(web3j.web3ClientVersion().send()).getWeb3ClientVersion().isEmpty());
  }

  @Test
  public void deploysTheContract() throws IOException {
    assertTrue(deployment.getStatus(), deployment.isStatusOK());
    assertNotNull(token);
    assertEquals(ContractUtils.generateContractAddress(DEPLOYER.getAddress(), deploymentNonce), token.toLowerCase());
    assertTrue(deployment.getGasUsed().compareTo(INTRINSIC_GAS) > 0);
    assertEquals(artefact.path("deployedBytecode").asText(),
        ok(web3j.ethGetCode(token, DefaultBlockParameterName.LATEST).send()).getCode());
    assertEquals(1, deployment.getLogs().size());
    assertTransfer(deployment.getLogs().get(0), ZERO_ADDRESS, DEPLOYER.getAddress(), INITIAL_SUPPLY);
    assertEquals(deployment.getTransactionHash(), deployment.getLogs().get(0).getTransactionHash());
  }

  @Test
  public void callsViewFunctions() throws IOException {
    assertEquals("Citrate Dev Token", call(view("name", new TypeReference<Utf8String>() { }),
        DefaultBlockParameterName.LATEST).getValue());
    // The state as of the deployment's block, by number: other tests move tokens afterwards.
    DefaultBlockParameter atDeployment = DefaultBlockParameter.valueOf(deployment.getBlockNumber());
    assertEquals(INITIAL_SUPPLY, call(view("totalSupply", new TypeReference<Uint256>() { }), atDeployment)
        .getValue());
    assertEquals(INITIAL_SUPPLY, call(balanceOf(DEPLOYER.getAddress()), atDeployment).getValue());
  }

  @Test
  public void transfersTokensWithAnIndexedEvent() throws Exception {
    BigInteger holderTokens = tokensOf(HOLDER.getAddress());
    BigInteger nonce = nonce(DEPLOYER.getAddress(), DefaultBlockParameterName.LATEST);
    String data = FunctionEncoder.encode(transfer(HOLDER.getAddress(), BigInteger.valueOf(1_000)));

    TransactionReceipt receipt = send(DEPLOYER, token, data, BigInteger.ZERO);

    assertTrue(receipt.getStatus(), receipt.isStatusOK());
    assertEquals(1, receipt.getLogs().size());
    assertTransfer(receipt.getLogs().get(0), DEPLOYER.getAddress(), HOLDER.getAddress(), BigInteger.valueOf(1_000));
    assertEquals(holderTokens.add(BigInteger.valueOf(1_000)), tokensOf(HOLDER.getAddress()));
    assertEquals(nonce.add(BigInteger.ONE), nonce(DEPLOYER.getAddress(), DefaultBlockParameterName.LATEST));
    org.web3j.protocol.core.methods.response.Transaction sent =
        ok(web3j.ethGetTransactionByHash(receipt.getTransactionHash()).send()).getTransaction().orElseThrow();
    assertEquals(receipt.getBlockHash(), sent.getBlockHash());
    assertEquals(DEPLOYER.getAddress(), sent.getFrom().toLowerCase());
    assertEquals(token.toLowerCase(), sent.getTo().toLowerCase());
    assertEquals(data, sent.getInput());
    assertEquals(nonce, sent.getNonce());
  }

  @Test
  public void transfersEtherForTheIntrinsicGas() throws Exception {
    String recipient = freshAddress();
    BigInteger value = Convert.toWei("1.5", Convert.Unit.ETHER).toBigIntegerExact();
    BigInteger holderBalance = balance(HOLDER.getAddress());
    assertEquals(INTRINSIC_GAS, estimate(Transaction.createEtherTransaction(HOLDER.getAddress(), null, null, null,
        recipient, value)));

    TransactionReceipt receipt = send(HOLDER, recipient, "", value);

    assertTrue(receipt.getStatus(), receipt.isStatusOK());
    assertEquals(INTRINSIC_GAS, receipt.getGasUsed());
    assertTrue(receipt.getLogs().isEmpty());
    assertEquals(value, balance(recipient));
    BigInteger fee = receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
    assertEquals(holderBalance.subtract(value).subtract(fee), balance(HOLDER.getAddress()));
  }

  @Test
  public void estimatesEnoughGasForAContractCall() throws Exception {
    String data = FunctionEncoder.encode(transfer(HOLDER.getAddress(), BigInteger.ONE));
    BigInteger estimate = estimate(Transaction.createFunctionCallTransaction(DEPLOYER.getAddress(), null, null, null,
        token, data));
    assertTrue(estimate.toString(), estimate.compareTo(INTRINSIC_GAS) > 0);

    TransactionReceipt receipt = send(DEPLOYER, token, data, BigInteger.ZERO, estimate);

    assertTrue(receipt.getStatus(), receipt.isStatusOK());
    assertTrue(estimate + " < " + receipt.getGasUsed(), estimate.compareTo(receipt.getGasUsed()) >= 0);
  }

  @Test
  public void revertReasonReachesTheClient() throws Exception {
    String stranger = freshAddress();
    String data = FunctionEncoder.encode(transfer(HOLDER.getAddress(), BigInteger.ONE));

    EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(stranger, token, data),
        DefaultBlockParameterName.LATEST).send();
    assertTrue(call.isReverted());
    assertEquals(3, call.getError().getCode());
    assertTrue(call.getRevertReason(), call.getRevertReason().contains("insufficient balance"));
    assertEquals("insufficient balance", revertReason(call.getError().getData()));

    EthEstimateGas estimate = web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(stranger, null, null,
        null, token, data)).send();
    assertTrue(estimate.hasError());
    assertEquals(3, estimate.getError().getCode());
    assertTrue(estimate.getError().getMessage(), estimate.getError().getMessage().contains("insufficient balance"));

    EthCall unpaid = web3j.ethCall(Transaction.createEthCallTransaction(stranger, token,
        FunctionEncoder.encode(buy())), DefaultBlockParameterName.LATEST).send();
    assertTrue(unpaid.isReverted());
    assertEquals("no ether sent", revertReason(unpaid.getError().getData()));
  }

  @Test
  public void includesARevertingTransactionAsFailed() throws Exception {
    BigInteger tooMany = tokensOf(HOLDER.getAddress()).add(BigInteger.ONE);
    BigInteger nonce = nonce(HOLDER.getAddress(), DefaultBlockParameterName.LATEST);
    BigInteger gasLimit = BigInteger.valueOf(100_000);

    TransactionReceipt receipt = send(HOLDER, token, FunctionEncoder.encode(transfer(DEPLOYER.getAddress(),
        tooMany)), BigInteger.ZERO, gasLimit);

    assertFalse(receipt.isStatusOK());
    assertEquals("0x0", receipt.getStatus());
    assertTrue(receipt.getLogs().isEmpty());
    assertTrue(receipt.getGasUsed().compareTo(INTRINSIC_GAS) > 0 && receipt.getGasUsed().compareTo(gasLimit) < 0);
    assertEquals(nonce.add(BigInteger.ONE), nonce(HOLDER.getAddress(), DefaultBlockParameterName.LATEST));
  }

  @Test
  public void payableFunctionKeepsTheEther() throws Exception {
    BigInteger contractBalance = balance(token);
    BigInteger price = BigInteger.valueOf(7);

    TransactionReceipt receipt = send(HOLDER, token, FunctionEncoder.encode(buy()), price);

    assertTrue(receipt.getStatus(), receipt.isStatusOK());
    assertEquals(contractBalance.add(price), balance(token));
    assertTransfer(receipt.getLogs().get(0), ZERO_ADDRESS, HOLDER.getAddress(), price);
  }

  @Test
  public void readsLogsByQueryAndByFilter() throws Exception {
    String recipient = freshAddress();
    EthFilter toRecipient = new EthFilter(DefaultBlockParameter.valueOf(deployment.getBlockNumber()),
        DefaultBlockParameterName.LATEST, token)
        .addSingleTopic(TRANSFER_TOPIC).addNullTopic().addSingleTopic(topic(recipient));
    BigInteger filter = ok(web3j.ethNewFilter(toRecipient).send()).getFilterId();

    TransactionReceipt receipt = send(DEPLOYER, token,
        FunctionEncoder.encode(transfer(recipient, BigInteger.valueOf(5))), BigInteger.ZERO);

    List<Log> queried = logs(web3j.ethGetLogs(toRecipient).send());
    assertEquals(1, queried.size());
    assertTransfer(queried.get(0), DEPLOYER.getAddress(), recipient, BigInteger.valueOf(5));
    assertEquals(receipt.getTransactionHash(), queried.get(0).getTransactionHash());
    assertEquals(receipt.getBlockHash(), queried.get(0).getBlockHash());

    List<Log> inBlock = logs(web3j.ethGetLogs(new EthFilter(receipt.getBlockHash()).addSingleTopic(TRANSFER_TOPIC))
        .send());
    assertTrue(inBlock.stream().anyMatch(log -> log.getTransactionHash().equals(receipt.getTransactionHash())));

    // The filter learns of new blocks from the node's chain events, which may trail the receipt a little.
    List<String> changes = new ArrayList<>();
    await().atMost(NOTIFICATION_TIMEOUT).until(() -> {
      changes.addAll(hashes(logs(web3j.ethGetFilterChanges(filter).send())));
      return !changes.isEmpty();
    });
    assertEquals(List.of(receipt.getTransactionHash()), changes);
    assertTrue(logs(web3j.ethGetFilterChanges(filter).send()).isEmpty());
    assertEquals(List.of(receipt.getTransactionHash()), hashes(logs(web3j.ethGetFilterLogs(filter).send())));
    assertTrue(ok(web3j.ethUninstallFilter(filter).send()).isUninstalled());
    assertFalse(ok(web3j.ethUninstallFilter(filter).send()).isUninstalled());
  }

  @Test
  public void readsBlocksByNumberAndByHash() throws IOException {
    EthBlock.Block byNumber = block(DefaultBlockParameter.valueOf(deployment.getBlockNumber()), true);
    EthBlock.Block byHash = ok(web3j.ethGetBlockByHash(deployment.getBlockHash(), false).send()).getBlock();

    assertEquals(deployment.getBlockHash(), byNumber.getHash());
    assertEquals(deployment.getBlockNumber(), byHash.getNumber());
    assertTrue(byNumber.getTransactions().stream().map(transaction -> (EthBlock.TransactionObject) transaction)
        .anyMatch(transaction -> transaction.getHash().equals(deployment.getTransactionHash())));
    assertTrue(byHash.getTransactions().stream()
        .anyMatch(transaction -> deployment.getTransactionHash().equals(transaction.get())));
    assertTrue(byNumber.getGasUsed().compareTo(deployment.getGasUsed()) >= 0);
    assertTrue(byNumber.getBaseFeePerGas().signum() > 0);
    EthBlock.Block parent = block(DefaultBlockParameter.valueOf(deployment.getBlockNumber().subtract(BigInteger.ONE)),
        false);
    assertEquals(parent.getHash(), byNumber.getParentHash());
    // Seconds since the epoch, as Ethereum clients expect.
    long age = Instant.now().getEpochSecond() - byNumber.getTimestamp().longValueExact();
    assertTrue("block timestamp " + byNumber.getTimestamp(), Math.abs(age) < 3600);

    BigInteger head = ok(web3j.ethBlockNumber().send()).getBlockNumber();
    EthBlock.Block latest = block(DefaultBlockParameterName.LATEST, false);
    assertTrue(latest.getNumber().compareTo(head) >= 0 && head.compareTo(deployment.getBlockNumber()) >= 0);
  }

  @Test
  public void subscribesToNewHeadsAndLogsOverWebSocket() throws Exception {
    WebSocketService socket = new WebSocketService(DappAcceptanceIT.DISTRIBUTION.webSocketUrl().toString(), false);
    socket.connect();
    Web3j subscriber = Web3j.build(socket);
    try {
      NewHead head = subscriber.newHeadsNotifications()
          .timeout(NOTIFICATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
          .blockingFirst().getParams().getResult();
      assertTrue(head.getNumber(), Numeric.decodeQuantity(head.getNumber()).signum() > 0);
      assertEquals(66, head.getHash().length());

      String recipient = freshAddress();
      CompletableFuture<org.web3j.protocol.websocket.events.Log> arrived = new CompletableFuture<>();
      Disposable logs = subscriber.logsNotifications(List.of(token), List.of(TRANSFER_TOPIC)).subscribe(
          notification -> {
            org.web3j.protocol.websocket.events.Log log = notification.getParams().getResult();
            if (log.getTopics().get(2).equals(topic(recipient))) {
              arrived.complete(log);
            }
          }, arrived::completeExceptionally);
      try {
        // Send only once the node has confirmed the subscription, so the log cannot precede it.
        await().atMost(NOTIFICATION_TIMEOUT).until(() -> socket.getSubscriptionIdsMap().values().stream()
            .anyMatch(subscription -> subscription.getResponseType() == LogNotification.class));
        TransactionReceipt receipt = send(DEPLOYER, token,
            FunctionEncoder.encode(transfer(recipient, BigInteger.TEN)), BigInteger.ZERO);

        org.web3j.protocol.websocket.events.Log log = arrived.get(NOTIFICATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(receipt.getTransactionHash(), log.getTransactionHash());
        assertEquals(token.toLowerCase(), log.getAddress().toLowerCase());
        assertEquals(List.of(TRANSFER_TOPIC, topic(DEPLOYER.getAddress()), topic(recipient)), log.getTopics());
        assertEquals(BigInteger.TEN, Numeric.toBigInt(log.getData()));
      } finally {
        logs.dispose();
      }
    } finally {
      subscriber.shutdown();
    }
  }

  /** Signs and sends an EIP-1559 transaction with the gas the node estimates, and waits for its receipt. */
  private static TransactionReceipt send(Credentials from, String to, String data, BigInteger value)
      throws Exception {
    Transaction request = to.isEmpty()
        ? Transaction.createContractTransaction(from.getAddress(), null, null, null, value, data)
        : Transaction.createFunctionCallTransaction(from.getAddress(), null, null, null, to, value, data);
    return send(from, to, data, value, estimate(request));
  }

  /**
   * Signs and sends an EIP-1559 transaction as wallets price one: the node's suggested tip on top of twice the
   * latest base fee. The transaction manager takes the pending nonce and checks the hash the node returns.
   */
  private static TransactionReceipt send(Credentials from, String to, String data, BigInteger value,
      BigInteger gasLimit) throws Exception {
    BigInteger tip = ok(web3j.ethMaxPriorityFeePerGas().send()).getMaxPriorityFeePerGas();
    BigInteger baseFee = block(DefaultBlockParameterName.LATEST, false).getBaseFeePerGas();
    RawTransactionManager manager = new RawTransactionManager(web3j, from, CHAIN_ID);
    String hash = ok(manager.sendEIP1559Transaction(CHAIN_ID, tip, baseFee.shiftLeft(1).add(tip), gasLimit, to,
        data, value)).getTransactionHash();
    return receipts.waitForTransactionReceipt(hash);
  }

  private static BigInteger estimate(Transaction transaction) throws IOException {
    return ok(web3j.ethEstimateGas(transaction).send()).getAmountUsed();
  }

  private static BigInteger nonce(String address, DefaultBlockParameterName block) throws IOException {
    return ok(web3j.ethGetTransactionCount(address, block).send()).getTransactionCount();
  }

  private static BigInteger balance(String address) throws IOException {
    return ok(web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send()).getBalance();
  }

  private static BigInteger tokensOf(String address) throws IOException {
    return (BigInteger) call(balanceOf(address), DefaultBlockParameterName.LATEST).getValue();
  }

  private static Type<?> call(Function function, DefaultBlockParameter block) throws IOException {
    EthCall answer = web3j.ethCall(Transaction.createEthCallTransaction(DEPLOYER.getAddress(), token,
        FunctionEncoder.encode(function)), block).send();
    var values = FunctionReturnDecoder.decode(ok(answer).getValue(), function.getOutputParameters());
    assertEquals(answer.getValue(), 1, values.size());
    return values.get(0);
  }

  private static Function view(String name, TypeReference<?> output) {
    return new Function(name, List.of(), List.of(output));
  }

  private static Function balanceOf(String owner) {
    return new Function("balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() { }));
  }

  private static Function transfer(String to, BigInteger value) {
    return new Function("transfer", List.of(new Address(to), new Uint256(value)),
        List.of(new TypeReference<Bool>() { }));
  }

  private static Function buy() {
    return new Function("buy", List.of(), List.of());
  }

  private static void assertTransfer(Log log, String from, String to, BigInteger value) {
    assertEquals(token.toLowerCase(), log.getAddress().toLowerCase());
    assertEquals(List.of(TRANSFER_TOPIC, topic(from), topic(to)), log.getTopics());
    assertEquals(value, Numeric.toBigInt(log.getData()));
  }

  /** The Error(string) message in an error's data, which web3j hands over as JSON text. */
  private static String revertReason(String errorData) throws IOException {
    assertNotNull("revert data", errorData);
    String data = JSON.readTree(errorData).asText();
    assertTrue(errorData, data.startsWith("0x08c379a0"));
    var decoded = FunctionReturnDecoder.decode(data.substring(10),
        view("Error", new TypeReference<Utf8String>() { }).getOutputParameters());
    return decoded.get(0).getValue().toString();
  }

  private static String topic(String address) {
    return Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(address), 64);
  }

  private static String freshAddress() throws Exception {
    return Credentials.create(Keys.createEcKeyPair()).getAddress();
  }

  private static EthBlock.Block block(DefaultBlockParameter number, boolean withTransactions) throws IOException {
    EthBlock.Block block = ok(web3j.ethGetBlockByNumber(number, withTransactions).send()).getBlock();
    assertNotNull("no block " + number.getValue(), block);
    return block;
  }

  private static List<Log> logs(EthLog answer) {
    return ok(answer).getLogs().stream().map(result -> (Log) result.get()).collect(Collectors.toList());
  }

  private static List<String> hashes(List<Log> logs) {
    return logs.stream().map(Log::getTransactionHash).collect(Collectors.toList());
  }

  /** The response, or a failure naming the JSON-RPC error the node answered with. */
  private static <R extends Response<?>> R ok(R response) {
    if (response.hasError()) {
      fail("JSON-RPC error " + response.getError().getCode() + ": " + response.getError().getMessage());
    }
    return response;
  }
}
