package io.citrate.rpc.internal.methods;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.ProductionSettings;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.internal.JsonRpcMethods;
import io.citrate.rpc.internal.JsonRpcProcessor;
import io.citrate.rpc.internal.MessageSink;
import io.citrate.rpc.internal.OutboundQueue;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SubscriptionHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Hash TOPIC = Keccak256.hash("Ping()".getBytes(StandardCharsets.UTF_8));

  private final Devnet devnet = new Devnet(new MemoryKeyValueStore(), ProductionSettings.Mode.OFF, 1_000);
  /** Work runs on the events thread here, so every notification is written when production returns. */
  private final SubscriptionHub hub = new SubscriptionHub(devnet.node(), devnet.pool(), Runnable::run);

  SubscriptionHubTest() {
    devnet.onEvent(hub::onChainEvent);
  }

  /** A client connection as the WebSocket transport drives one, writing to a sink the test reads. */
  private final class Client {
    final ClientSink sink;
    final Subscriber subscriber;
    final JsonRpcProcessor processor;

    Client(boolean reads, int sendQueueMax, int maxSubscriptions) {
      sink = new ClientSink(reads);
      subscriber = new Subscriber(sink, sendQueueMax, maxSubscriptions, hub::unregister);
      List<JsonRpcMethod> methods = Stream.concat(Namespaces.methods(devnet), subscriber.methods().stream()).toList();
      processor = new JsonRpcProcessor(JsonRpcMethods.of(methods), 10);
      hub.register(subscriber);
    }

    Client() {
      this(true, 1_000, 100);
    }

    JsonNode call(String method, String params) {
      String request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
      processor.process(request.getBytes(StandardCharsets.UTF_8)).ifPresent(subscriber::send);
      subscriber.activatePending();
      return sink.messages().get(sink.messages().size() - 1);
    }

    String subscribe(String params) {
      JsonNode answer = call("eth_subscribe", params);
      assertThat(answer.has("result")).as(answer.toString()).isTrue();
      return answer.get("result").asText();
    }

    /** The results of the notifications for subscription {@code id}, in the order they were sent. */
    List<JsonNode> notifications(String id) {
      return sink.messages().stream().filter(message -> message.path("method").asText().equals("eth_subscription"))
          .filter(message -> message.get("params").get("subscription").asText().equals(id))
          .map(message -> message.get("params").get("result")).toList();
    }
  }

  private static final class ClientSink implements MessageSink {
    private final boolean reads;
    private final List<String> written = new ArrayList<>();
    int closeCode;
    String closeReason;

    ClientSink(boolean reads) {
      this.reads = reads;
    }

    @Override
    public synchronized void send(String text, Consumer<Throwable> done) {
      written.add(text);
      if (reads) {
        done.accept(null);
      }
    }

    @Override
    public synchronized void close(int code, String reason) {
      closeCode = code;
      closeReason = reason;
    }

    synchronized List<JsonNode> messages() {
      return written.stream().map(text -> {
        try {
          return JSON.readTree(text);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    }
  }

  private Hash produce() {
    return devnet.node().produceBlock();
  }

  /** A creation whose init code emits one LOG1 with {@link #TOPIC} and no data. */
  private Transaction pinger(long nonce) {
    byte[] code = Bytes.fromHex("0x7f" + TOPIC.toHex().substring(2) + "60006000a100");
    return Transaction.builder(TransactionType.EIP1559).chainId(devnet.node().chainSpec().chainId()).nonce(nonce)
        .maxPriorityFeePerGas(Wei.ofGwei(1)).maxFeePerGas(Wei.ofGwei(110)).gasLimit(200_000).value(Wei.ZERO)
        .data(code).sign(Devnet.ALICE);
  }

  private void submit(Transaction transaction) {
    devnet.node().submitTransaction(transaction.encoded());
  }

  @Test
  void newHeadsGetsEachChainBlockInOrderAfterTheSubscriptionAnswer() {
    Client client = new Client();
    String id = client.subscribe("[\"newHeads\"]");
    assertThat(id).startsWith("0x").hasSize(34);
    List<Hash> blocks = List.of(produce(), produce(), produce());

    List<JsonNode> heads = client.notifications(id);
    assertThat(heads).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(heads.get(i).get("number").asText()).isEqualTo("0x" + (i + 1));
      assertThat(heads.get(i).get("hash").asText()).isEqualTo(blocks.get(i).toHex());
      assertThat(heads.get(i)).isEqualTo(EthObjects.header(devnet.node().chainBlock(i + 1).orElseThrow()));
    }
    assertThat(client.sink.messages().get(0).get("result").asText()).isEqualTo(id);
    assertThat(client.sink.messages().get(1).toString())
        .startsWith("{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\"" + id);
  }

  @Test
  void logsMatchingTheFilterArriveAndThoseOfBlocksLeavingTheChainAgainAsRemoved() {
    Client client = new Client();
    Transaction first = pinger(0);
    Address contract = EthObjects.createdContract(first);
    String byTopic = client.subscribe("[\"logs\",{\"topics\":[\"" + TOPIC.toHex() + "\"]}]");
    String byAddress = client.subscribe("[\"logs\",{\"address\":\"" + contract.toHex() + "\"}]");
    String otherTopic = client.subscribe("[\"logs\",{\"topics\":[\"" + Hash.EMPTY.toHex() + "\"]}]");
    String heads = client.subscribe("[\"newHeads\"]");
    submit(first);
    Hash block1 = produce();
    submit(pinger(1));
    Hash block2 = produce();

    List<JsonNode> logs = client.notifications(byTopic);
    assertThat(logs).hasSize(2);
    assertThat(logs.get(0).get("address").asText()).isEqualTo(contract.toHex());
    assertThat(logs.get(0).get("topics").get(0).asText()).isEqualTo(TOPIC.toHex());
    assertThat(logs.get(0).get("blockHash").asText()).isEqualTo(block1.toHex());
    assertThat(logs.get(0).get("transactionHash").asText()).isEqualTo(first.hash().toHex());
    assertThat(logs.get(0).get("logIndex").asText()).isEqualTo("0x0");
    assertThat(logs.get(0).get("removed").asBoolean()).isFalse();
    assertThat(logs.get(1).get("blockHash").asText()).isEqualTo(block2.toHex());
    assertThat(client.notifications(byAddress)).hasSize(1);
    assertThat(client.notifications(otherTopic)).isEmpty();

    // A reorganisation: block 2 leaves the selected chain, another block joins it.
    submit(pinger(2));
    Hash block3 = produce();
    int before = client.sink.messages().size();
    hub.onChainEvent(new ChainEvent.HeadChanged(List.of(block2), List.of(block3), block3, 2));

    List<JsonNode> reorg = client.sink.messages().subList(before, client.sink.messages().size()).stream()
        .map(message -> message.get("params")).toList();
    assertThat(reorg).extracting(params -> params.get("subscription").asText())
        .containsExactly(byTopic, heads, byTopic);
    assertThat(reorg.get(0).get("result").get("blockHash").asText()).isEqualTo(block2.toHex());
    assertThat(reorg.get(0).get("result").get("removed").asBoolean()).isTrue();
    assertThat(reorg.get(1).get("result").get("hash").asText()).isEqualTo(block3.toHex());
    assertThat(reorg.get(2).get("result").get("blockHash").asText()).isEqualTo(block3.toHex());
    assertThat(reorg.get(2).get("result").get("removed").asBoolean()).isFalse();
  }

  @Test
  void newPendingTransactionsGivesHashesOrWholeTransactions() {
    Client client = new Client();
    String hashes = client.subscribe("[\"newPendingTransactions\"]");
    String full = client.subscribe("[\"newPendingTransactions\",true]");
    Transaction transfer = devnet.transfer(Devnet.ALICE, 0, Devnet.CAROL, Wei.ONE, 1);
    submit(transfer);

    assertThat(client.notifications(hashes)).extracting(JsonNode::asText).containsExactly(transfer.hash().toHex());
    List<JsonNode> transactions = client.notifications(full);
    assertThat(transactions).hasSize(1);
    assertThat(transactions.get(0).get("hash").asText()).isEqualTo(transfer.hash().toHex());
    assertThat(transactions.get(0).get("blockHash").isNull()).isTrue();
  }

  @Test
  void aConnectionHoldsAtMostItsLimitOfSubscriptions() {
    Client client = new Client(true, 1_000, 2);
    client.subscribe("[\"newHeads\"]");
    client.subscribe("[\"newHeads\"]");
    JsonNode third = client.call("eth_subscribe", "[\"newHeads\"]");
    assertThat(third.get("error").get("code").asInt()).isEqualTo(-32005);
    assertThat(client.subscriber.subscriptionCount()).isEqualTo(2);
  }

  @Test
  void unsubscribeEndsNotificationsAndAnUnknownIdIsNotFound() {
    Client client = new Client();
    String id = client.subscribe("[\"newHeads\"]");
    produce();
    assertThat(client.call("eth_unsubscribe", "[\"" + id + "\"]").get("result").asBoolean()).isTrue();
    produce();
    assertThat(client.notifications(id)).hasSize(1);
    JsonNode again = client.call("eth_unsubscribe", "[\"" + id + "\"]");
    assertThat(again.get("error").get("code").asInt()).isEqualTo(-32000);
    assertThat(again.get("error").get("message").asText()).isEqualTo("subscription not found");
  }

  @Test
  void malformedSubscriptionsAreInvalidParamsAndSubscribeNothing() {
    Client client = new Client();
    for (String params : List.of("[]", "[1]", "[\"nope\"]", "[\"newHeads\",{}]", "[\"logs\",{\"address\":\"0xzz\"}]",
        "[\"logs\",{\"topics\":\"0x01\"}]", "[\"logs\",7]", "[\"newPendingTransactions\",\"yes\"]",
        "[\"newHeads\",null,3]")) {
      JsonNode answer = client.call("eth_subscribe", params);
      assertThat(answer.get("error").get("code").asInt()).as(params).isEqualTo(-32602);
    }
    for (String params : List.of("[]", "[1]", "[\"0x01\",2]")) {
      assertThat(client.call("eth_unsubscribe", params).get("error").get("code").asInt()).as(params)
          .isEqualTo(-32602);
    }
    assertThat(client.subscriber.subscriptionCount()).isZero();
  }

  @Test
  void aClientThatStopsReadingIsDisconnectedWithoutHoldingUpProductionOrOthers() {
    Client slow = new Client(false, 2, 100);
    Client fast = new Client();
    String slowHeads = slow.subscribe("[\"newHeads\"]");
    String fastHeads = fast.subscribe("[\"newHeads\"]");
    for (int i = 0; i < 6; i++) {
      produce();
    }
    assertThat(slow.sink.closeCode).isEqualTo(OutboundQueue.POLICY_VIOLATION);
    assertThat(slow.sink.closeReason).isEqualTo("send queue exceeded 2 messages");
    assertThat(slow.subscriber.isOpen()).isFalse();
    assertThat(slow.notifications(slowHeads)).hasSizeLessThan(6);
    assertThat(hub.connections()).isEqualTo(1);
    assertThat(fast.notifications(fastHeads)).hasSize(6);
  }

  @Test
  void overHttpThereIsNoEthSubscribe() {
    JsonRpcProcessor http = new JsonRpcProcessor(JsonRpcMethods.of(Namespaces.methods(devnet).toList()), 10);
    String answer = http.process("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}"
        .getBytes(StandardCharsets.UTF_8)).orElseThrow();
    assertThat(answer).contains("-32601");
  }
}
