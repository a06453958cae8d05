package io.citrate.rpc.internal.methods;

import static io.citrate.rpc.internal.methods.ChainRpc.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.ChainEvent;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EthFiltersTest {

  private static String id(JsonNode filter) {
    return "[" + quoted(filter.asText()) + "]";
  }

  @Test
  void filterIdsAreRandomSixteenByteQuantities() throws Exception {
    ChainRpc rpc = new ChainRpc();
    JsonNode first = rpc.call("eth_newBlockFilter", "[]");
    JsonNode second = rpc.call("eth_newBlockFilter", "[]");
    assertThat(first.asText()).matches("0x[1-9a-f][0-9a-f]{0,31}").isNotEqualTo(second.asText());
  }

  @Test
  void aBlockFilterAnswersTheNewChainBlocksOncePerPoll() throws Exception {
    ChainRpc rpc = new ChainRpc();
    String filter = id(rpc.call("eth_newBlockFilter", "[]"));
    assertThat(rpc.call("eth_getFilterChanges", filter)).isEmpty();

    Hash first = rpc.produce();
    Hash second = rpc.produce();
    assertThat(rpc.call("eth_getFilterChanges", filter)).extracting(JsonNode::asText)
        .containsExactly(first.toHex(), second.toHex());
    assertThat(rpc.call("eth_getFilterChanges", filter)).isEmpty();
  }

  @Test
  void aPendingTransactionFilterAnswersWhatThePoolTook() throws Exception {
    ChainRpc rpc = new ChainRpc();
    String filter = id(rpc.call("eth_newPendingTransactionFilter", "[]"));
    Transaction first = rpc.transfer(Devnet.ALICE, 0);
    Transaction second = rpc.transfer(Devnet.BOB, 0);
    assertThat(rpc.call("eth_getFilterChanges", filter)).extracting(JsonNode::asText)
        .containsExactly(first.hash().toHex(), second.hash().toHex());
    rpc.produce();
    assertThat(rpc.call("eth_getFilterChanges", filter)).isEmpty();
  }

  @Test
  void aLogFilterAnswersNewMatchingLogsAndItsWholeRangeOnRequest() throws Exception {
    ChainRpc rpc = new ChainRpc();
    Address emitter = EthObjects.createdContract(rpc.deployEmitter(Devnet.ALICE, 0));
    rpc.produce();
    rpc.emit(Devnet.ALICE, 1, emitter, new byte[] {1});
    rpc.produce();
    String filter = id(rpc.call("eth_newFilter", "[{\"fromBlock\":\"0x0\",\"address\":" + quoted(emitter) + "}]"));
    String other = id(rpc.call("eth_newFilter", "[{\"address\":" + quoted(Devnet.CAROL) + "}]"));

    rpc.emit(Devnet.ALICE, 2, emitter, new byte[] {2});
    rpc.emit(Devnet.BOB, 0, emitter, new byte[] {3});
    rpc.produce();
    rpc.transfer(Devnet.BOB, 1);
    rpc.produce();

    JsonNode changes = rpc.call("eth_getFilterChanges", filter);
    assertThat(changes).extracting(log -> log.get("data").asText()).containsExactly("0x02", "0x03");
    assertThat(changes).extracting(log -> log.get("logIndex").asText()).containsExactly("0x0", "0x1");
    assertThat(changes).allSatisfy(log -> assertThat(log.get("removed").asBoolean()).isFalse());
    assertThat(rpc.call("eth_getFilterChanges", filter)).isEmpty();
    assertThat(rpc.call("eth_getFilterChanges", other)).isEmpty();
    assertThat(rpc.call("eth_getFilterLogs", filter)).extracting(log -> log.get("data").asText())
        .containsExactly("0x01", "0x02", "0x03");
  }

  @Test
  void aLogFilterBoundedByNumbersSkipsBlocksOutsideItsRange() throws Exception {
    ChainRpc rpc = new ChainRpc();
    Address emitter = EthObjects.createdContract(rpc.deployEmitter(Devnet.ALICE, 0));
    rpc.produce();
    String filter = id(rpc.call("eth_newFilter", "[{\"fromBlock\":\"0x2\",\"toBlock\":\"0x2\"}]"));
    rpc.emit(Devnet.ALICE, 1, emitter, new byte[] {1});
    rpc.produce();
    rpc.emit(Devnet.ALICE, 2, emitter, new byte[] {2});
    rpc.produce();
    assertThat(rpc.call("eth_getFilterChanges", filter)).extracting(log -> log.get("data").asText())
        .containsExactly("0x01");
  }

  @Test
  void aReorganisationReportsTheLogsOfTheRemovedBlockAsRemoved() throws Exception {
    ChainRpc rpc = new ChainRpc();
    Address emitter = EthObjects.createdContract(rpc.deployEmitter(Devnet.ALICE, 0));
    rpc.produce();
    String logs = id(rpc.call("eth_newFilter", "[{\"address\":" + quoted(emitter) + "}]"));
    String blocks = id(rpc.call("eth_newBlockFilter", "[]"));

    // Two parallel blocks on block 1, each with its own version of Alice's call (the second replaces the first).
    rpc.emit(Devnet.ALICE, 1, emitter, new byte[] {1}, 1);
    BlockImport.Arrival one = rpc.devnet.producer().build().orElseThrow();
    rpc.emit(Devnet.ALICE, 1, emitter, new byte[] {2}, 5);
    BlockImport.Arrival two = rpc.devnet.producer().build().orElseThrow();
    // Equal blue work: GHOSTDAG selects the higher hash, so importing the lower one first reorganises the chain.
    boolean oneLoses = one.header().hash().compareTo(two.header().hash()) < 0;
    BlockImport.Arrival loser = oneLoses ? one : two;
    BlockImport.Arrival winner = oneLoses ? two : one;
    String loserData = oneLoses ? "0x01" : "0x02";
    String winnerData = oneLoses ? "0x02" : "0x01";

    rpc.devnet.node().committed(rpc.devnet.importer().importBlock(loser));
    assertThat(rpc.call("eth_getFilterChanges", logs)).singleElement().satisfies(log -> {
      assertThat(log.get("data").asText()).isEqualTo(loserData);
      assertThat(log.get("removed").asBoolean()).isFalse();
    });
    rpc.devnet.node().committed(rpc.devnet.importer().importBlock(winner));
    assertThat(rpc.devnet.consensus().sink()).isEqualTo(winner.header().hash());

    JsonNode changes = rpc.call("eth_getFilterChanges", logs);
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).get("data").asText()).isEqualTo(loserData);
    assertThat(changes.get(0).get("removed").asBoolean()).isTrue();
    assertThat(changes.get(0).get("blockHash").asText()).isEqualTo(loser.header().hash().toHex());
    assertThat(changes.get(1).get("data").asText()).isEqualTo(winnerData);
    assertThat(changes.get(1).get("removed").asBoolean()).isFalse();
    assertThat(changes.get(1).get("blockHash").asText()).isEqualTo(winner.header().hash().toHex());
    assertThat(rpc.call("eth_getFilterChanges", blocks)).extracting(JsonNode::asText)
        .containsExactly(loser.header().hash().toHex(), winner.header().hash().toHex());
  }

  @Test
  void removedBlocksOfAHeadChangedEventComeBackLowestFirstAsRemovedLogsBeforeTheAddedOnes() throws Exception {
    ChainRpc rpc = new ChainRpc();
    Address emitter = EthObjects.createdContract(rpc.deployEmitter(Devnet.ALICE, 0));
    rpc.produce();
    rpc.emit(Devnet.ALICE, 1, emitter, new byte[] {7});
    Hash second = rpc.produce();
    rpc.emit(Devnet.ALICE, 2, emitter, new byte[] {8});
    Hash third = rpc.produce();
    String filter = id(rpc.call("eth_newFilter", "[{}]"));

    // As the node words a move: removed blocks highest first, added ones lowest first.
    rpc.filters.onChainEvent(new ChainEvent.HeadChanged(List.of(third, second), List.of(second), second, 2));
    JsonNode changes = rpc.call("eth_getFilterChanges", filter);
    assertThat(changes).extracting(log -> log.get("data").asText()).containsExactly("0x07", "0x08", "0x07");
    assertThat(changes).extracting(log -> log.get("removed").asBoolean()).containsExactly(true, true, false);
  }

  @Test
  void idleFiltersExpireAndPollingKeepsThemAlive() throws Exception {
    ChainRpc rpc = new ChainRpc(Map.of("filters_timeout_seconds", 300));
    String polled = id(rpc.call("eth_newBlockFilter", "[]"));
    String idle = id(rpc.call("eth_newPendingTransactionFilter", "[]"));
    rpc.clockMillis.addAndGet(200_000);
    rpc.call("eth_getFilterChanges", polled);
    rpc.clockMillis.addAndGet(200_000);

    assertThat(rpc.call("eth_getFilterChanges", polled)).isEmpty();
    JsonRpcException expired = rpc.error("eth_getFilterChanges", idle);
    assertThat(expired.error()).isEqualTo(JsonRpcError.INVALID_INPUT);
    assertThat(expired.getMessage()).isEqualTo("filter not found");
    assertThat(rpc.filters.size()).isEqualTo(1);
  }

  @Test
  void atMostTheConfiguredNumberOfFiltersLive() throws Exception {
    ChainRpc rpc = new ChainRpc(Map.of("filters_max", 2));
    String first = id(rpc.call("eth_newBlockFilter", "[]"));
    rpc.call("eth_newFilter", "[{}]");
    JsonRpcException full = rpc.error("eth_newPendingTransactionFilter", "[]");
    assertThat(full.error()).isEqualTo(JsonRpcError.LIMIT_EXCEEDED);
    assertThat(full.getMessage()).contains("filters.max");

    assertThat(rpc.call("eth_uninstallFilter", first).asBoolean()).isTrue();
    assertThat(rpc.call("eth_uninstallFilter", first).asBoolean()).isFalse();
    rpc.call("eth_newPendingTransactionFilter", "[]");
    assertThat(rpc.filters.size()).isEqualTo(2);
  }

  @Test
  void aFilterThatDroppedChangesSaysSoOnceAndGoesOn() throws Exception {
    ChainRpc rpc = new ChainRpc(Map.of("filters_max_changes", 2));
    String filter = id(rpc.call("eth_newBlockFilter", "[]"));
    rpc.produce();
    rpc.produce();
    rpc.produce();

    JsonRpcException overflowed = rpc.error("eth_getFilterChanges", filter);
    assertThat(overflowed.error()).isEqualTo(JsonRpcError.LIMIT_EXCEEDED);
    assertThat(overflowed.getMessage()).contains("filters.max.changes");
    assertThat(rpc.call("eth_getFilterChanges", filter)).isEmpty();
    Hash next = rpc.produce();
    assertThat(rpc.call("eth_getFilterChanges", filter)).extracting(JsonNode::asText).containsExactly(next.toHex());
  }

  @Test
  void unknownAndUninstalledFiltersAreNotFound() throws Exception {
    ChainRpc rpc = new ChainRpc();
    String blocks = id(rpc.call("eth_newBlockFilter", "[]"));
    assertThat(rpc.error("eth_getFilterLogs", blocks).getMessage()).isEqualTo("filter not found");
    rpc.call("eth_uninstallFilter", blocks);
    for (String method : List.of("eth_getFilterChanges", "eth_getFilterLogs")) {
      JsonRpcException error = rpc.error(method, blocks);
      assertThat(error.error()).isEqualTo(JsonRpcError.INVALID_INPUT);
      assertThat(error.getMessage()).isEqualTo("filter not found");
    }
    assertThat(rpc.error("eth_getFilterChanges", "[\"0x1234\"]").getMessage()).isEqualTo("filter not found");
    assertThat(rpc.call("eth_uninstallFilter", "[\"0x1234\"]").asBoolean()).isFalse();
  }
}
