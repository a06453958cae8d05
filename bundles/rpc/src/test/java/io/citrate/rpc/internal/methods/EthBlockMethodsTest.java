package io.citrate.rpc.internal.methods;

import static io.citrate.rpc.internal.methods.ChainRpc.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.internal.Devnet;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.rpc.api.JsonRpcException;
import org.junit.jupiter.api.Test;

class EthBlockMethodsTest {
  private static final String UNKNOWN = quoted("0x" + "ab".repeat(32));

  private final ChainRpc rpc = new ChainRpc();

  @Test
  void aChainBlockByNumberOrTagOrHashWithTransactionHashesOrInFull() throws Exception {
    Transaction first = rpc.transfer(Devnet.ALICE, 0);
    Transaction second = rpc.transfer(Devnet.BOB, 0);
    Hash produced = rpc.produce();

    JsonNode block = rpc.call("eth_getBlockByNumber", "[\"0x1\", false]");
    assertThat(block.get("number").asText()).isEqualTo("0x1");
    assertThat(block.get("hash").asText()).isEqualTo(produced.toHex());
    assertThat(block.get("parentHash").asText())
        .isEqualTo(rpc.call("eth_getBlockByNumber", "[\"earliest\", false]").get("hash").asText());
    assertThat(block.get("transactions")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(first.hash().toHex(), second.hash().toHex());
    assertThat(block.get("uncles")).isEmpty();
    assertThat(rpc.call("eth_getBlockByNumber", "[\"latest\", false]")).isEqualTo(block);
    assertThat(rpc.call("eth_getBlockByHash", "[" + quoted(produced) + ", false]")).isEqualTo(block);

    JsonNode full = rpc.call("eth_getBlockByHash", "[" + quoted(produced) + ", true]");
    assertThat(full.get("transactions")).hasSize(2).allSatisfy(transaction -> {
      assertThat(transaction.get("blockHash").asText()).isEqualTo(produced.toHex());
      assertThat(transaction.get("blockNumber").asText()).isEqualTo("0x1");
    });
    assertThat(full.get("transactions").get(1).get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(rpc.call("eth_getBlockByNumber", "[\"0x1\", true]")).isEqualTo(full);
  }

  @Test
  void unknownBlocksAreNull() throws Exception {
    assertThat(rpc.call("eth_getBlockByNumber", "[\"0x5\", false]").isNull()).isTrue();
    assertThat(rpc.call("eth_getBlockByHash", "[" + UNKNOWN + ", true]").isNull()).isTrue();
    assertThat(rpc.call("eth_getBlockTransactionCountByNumber", "[\"0x5\"]").isNull()).isTrue();
    assertThat(rpc.call("eth_getBlockTransactionCountByHash", "[" + UNKNOWN + "]").isNull()).isTrue();
    assertThat(rpc.call("eth_getUncleCountByBlockNumber", "[\"0x5\"]").isNull()).isTrue();
    assertThat(rpc.call("eth_getUncleCountByBlockHash", "[" + UNKNOWN + "]").isNull()).isTrue();
    assertThat(rpc.call("eth_getTransactionByBlockNumberAndIndex", "[\"0x5\", \"0x0\"]").isNull()).isTrue();
    assertThat(rpc.call("eth_getTransactionByBlockHashAndIndex", "[" + UNKNOWN + ", \"0x0\"]").isNull()).isTrue();
    assertThat(rpc.call("eth_getBlockReceipts", "[\"0x5\"]").isNull()).isTrue();
  }

  @Test
  void aBlockOffTheSelectedChainIsAnsweredByHashWithItsOwnNumber() throws Exception {
    BlockImport.Arrival left = rpc.devnet.producer().build().orElseThrow();
    BlockImport.Arrival right = rpc.devnet.producer().build().orElseThrow();
    rpc.devnet.node().committed(rpc.devnet.importer().importBlock(left));
    rpc.devnet.node().committed(rpc.devnet.importer().importBlock(right));
    Hash sink = rpc.devnet.consensus().sink();
    Hash offChain = sink.equals(left.header().hash()) ? right.header().hash() : left.header().hash();

    JsonNode block = rpc.call("eth_getBlockByHash", "[" + quoted(offChain) + ", false]");
    assertThat(block.get("hash").asText()).isEqualTo(offChain.toHex());
    assertThat(block.get("number").asText()).isEqualTo("0x1");
    assertThat(rpc.call("eth_getBlockByNumber", "[\"0x1\", false]").get("hash").asText()).isEqualTo(sink.toHex());
    assertThat(rpc.call("eth_getBlockTransactionCountByHash", "[" + quoted(offChain) + "]").asText()).isEqualTo("0x0");
  }

  @Test
  void transactionAndUncleCounts() throws Exception {
    rpc.transfer(Devnet.ALICE, 0);
    rpc.transfer(Devnet.ALICE, 1);
    rpc.transfer(Devnet.BOB, 0);
    Hash produced = rpc.produce();

    assertThat(rpc.call("eth_getBlockTransactionCountByNumber", "[\"latest\"]").asText()).isEqualTo("0x3");
    assertThat(rpc.call("eth_getBlockTransactionCountByHash", "[" + quoted(produced) + "]").asText()).isEqualTo("0x3");
    assertThat(rpc.call("eth_getBlockTransactionCountByNumber", "[\"0x0\"]").asText()).isEqualTo("0x0");
    assertThat(rpc.call("eth_getUncleCountByBlockNumber", "[\"0x1\"]").asText()).isEqualTo("0x0");
    assertThat(rpc.call("eth_getUncleCountByBlockHash", "[" + quoted(produced) + "]").asText()).isEqualTo("0x0");
    assertThat(rpc.call("eth_getUncleByBlockNumberAndIndex", "[\"0x1\", \"0x0\"]").isNull()).isTrue();
    assertThat(rpc.call("eth_getUncleByBlockHashAndIndex", "[" + quoted(produced) + ", \"0x0\"]").isNull()).isTrue();
  }

  @Test
  void aTransactionIsPendingThenInItsBlockAndUnknownOnesAreNull() throws Exception {
    Transaction transfer = rpc.transfer(Devnet.ALICE, 0);
    String hash = "[" + quoted(transfer.hash()) + "]";

    JsonNode pending = rpc.call("eth_getTransactionByHash", hash);
    assertThat(pending.get("hash").asText()).isEqualTo(transfer.hash().toHex());
    assertThat(pending.get("blockHash").isNull()).isTrue();
    assertThat(pending.get("blockNumber").isNull()).isTrue();
    assertThat(pending.get("transactionIndex").isNull()).isTrue();
    assertThat(rpc.call("eth_getTransactionReceipt", hash).isNull()).isTrue();

    Hash block = rpc.produce();
    JsonNode mined = rpc.call("eth_getTransactionByHash", hash);
    assertThat(mined.get("blockHash").asText()).isEqualTo(block.toHex());
    assertThat(mined.get("blockNumber").asText()).isEqualTo("0x1");
    assertThat(mined.get("transactionIndex").asText()).isEqualTo("0x0");
    assertThat(mined.get("from").asText()).isEqualTo(Devnet.ALICE.publicKey().toAddress().toHex());
    assertThat(rpc.call("eth_getTransactionByBlockHashAndIndex", "[" + quoted(block) + ", \"0x0\"]")).isEqualTo(mined);
    assertThat(rpc.call("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\", \"0x0\"]")).isEqualTo(mined);
    assertThat(rpc.call("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\", \"0x1\"]").isNull()).isTrue();
    assertThat(rpc.call("eth_getTransactionByBlockNumberAndIndex", "[\"0x1\", \"0x7fffffffffffffff\"]").isNull())
        .isTrue();
    assertThat(rpc.call("eth_getTransactionByHash", "[" + UNKNOWN + "]").isNull()).isTrue();
    assertThat(rpc.call("eth_getTransactionReceipt", "[" + UNKNOWN + "]").isNull()).isTrue();
  }

  @Test
  void receiptsIndexLogsAcrossTheBlock() throws Exception {
    Transaction deployment = rpc.deployEmitter(Devnet.ALICE, 0);
    rpc.produce();
    JsonNode deployed = rpc.call("eth_getTransactionReceipt", "[" + quoted(deployment.hash()) + "]");
    assertThat(deployed.get("status").asText()).isEqualTo("0x1");
    Address emitter = Address.fromHex(deployed.get("contractAddress").asText());
    assertThat(emitter).isEqualTo(EthObjects.createdContract(deployment));

    Transaction first = rpc.emit(Devnet.ALICE, 1, emitter, new byte[] {1, 2});
    Transaction second = rpc.emit(Devnet.ALICE, 2, emitter, new byte[] {3});
    Hash block = rpc.produce();

    JsonNode receipt = rpc.call("eth_getTransactionReceipt", "[" + quoted(second.hash()) + "]");
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("blockHash").asText()).isEqualTo(block.toHex());
    assertThat(receipt.get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(receipt.get("contractAddress").isNull()).isTrue();
    JsonNode log = receipt.get("logs").get(0);
    assertThat(log.get("logIndex").asText()).isEqualTo("0x1");
    assertThat(log.get("address").asText()).isEqualTo(emitter.toHex());
    assertThat(log.get("topics")).extracting(JsonNode::asText).containsExactly(ChainRpc.EVENT.toHex(),
        Bytes.toHex(Bytes.leftPad(Devnet.ALICE.publicKey().toAddress().toArray(), 32)));
    assertThat(log.get("data").asText()).isEqualTo("0x03");
    assertThat(log.get("removed").asBoolean()).isFalse();

    JsonNode receipts = rpc.call("eth_getBlockReceipts", "[\"latest\"]");
    assertThat(receipts).hasSize(2);
    assertThat(receipts.get(0).get("transactionHash").asText()).isEqualTo(first.hash().toHex());
    assertThat(receipts.get(0).get("logs").get(0).get("logIndex").asText()).isEqualTo("0x0");
    assertThat(receipts.get(1)).isEqualTo(receipt);
    assertThat(rpc.call("eth_getBlockReceipts", "[" + quoted(block) + "]")).isEqualTo(receipts);
    assertThat(rpc.call("eth_getBlockReceipts", "[{\"blockNumber\":\"0x2\"}]")).isEqualTo(receipts);
    assertThat(rpc.call("eth_getBlockReceipts", "[\"0x0\"]")).isEmpty();
  }

  @Test
  void requireCanonicalRefusesABlockOffTheSelectedChain() {
    BlockImport.Arrival left = rpc.devnet.producer().build().orElseThrow();
    BlockImport.Arrival right = rpc.devnet.producer().build().orElseThrow();
    rpc.devnet.node().committed(rpc.devnet.importer().importBlock(left));
    rpc.devnet.node().committed(rpc.devnet.importer().importBlock(right));
    Hash sink = rpc.devnet.consensus().sink();
    Hash offChain = sink.equals(left.header().hash()) ? right.header().hash() : left.header().hash();

    JsonRpcException error = rpc.error("eth_getBlockReceipts",
        "[{\"blockHash\":" + quoted(offChain) + ",\"requireCanonical\":true}]");
    assertThat(error.getMessage()).contains("not currently canonical");
  }
}
