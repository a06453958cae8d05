package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.consensus.api.BlockStatus;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.vm.api.SkippedTransaction;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code citrate_getBlockByHash(hash, fullTransactions)}: a block of the DAG as Citrate sees it, not as its
 * Ethereum view flattens it:
 *
 * <ul>
 *   <li>its header fields: parents, timestamp in milliseconds, blue score and work, roots, logs bloom, gas, base
 *       fee, producer, VRF proof, extra data and signature;
 *   <li>{@code status} ({@code valid} or {@code invalid}, an invalid block with its {@code rejectionReason} and
 *       nothing else, as that is all the node keeps of it), its GHOSTDAG data ({@code selectedParent},
 *       {@code mergesetBlues} with the selected parent first, {@code mergesetReds}) and its {@code children};
 *   <li>{@code chainBlock}: whether it is on the selected chain, and {@code chainNumber}, its Ethereum block number
 *       there, or null;
 *   <li>{@code transactions}: its own body, hashes or full transactions without a chain location (where the
 *       chain accepted each is {@code eth_getTransactionByHash}'s answer);
 *   <li>{@code acceptance}: what it accepts as a chain block (the transactions of the blocks it merges, then its
 *       own), computed for every valid block since its state root commits to it: {@code number} on its own
 *       selected-parent chain, {@code gasUsed}, {@code transactions} (hashes, or full with the block that carried
 *       each as {@code includedIn}) and the {@code skipped} ones with the reason each no longer fitted.
 * </ul>
 *
 * <p>Null for a hash the node has not processed; {@code fullTransactions} defaults to false.
 */
public final class CitrateGetBlockByHash implements JsonRpcMethod {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Node node;
  private final Consensus consensus;

  public CitrateGetBlockByHash(Node node, Consensus consensus) {
    this.node = node;
    this.consensus = consensus;
  }

  @Override
  public String name() {
    return "citrate_getBlockByHash";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(2);
    Hash hash = Quantities.hash(request.required(0), "blockHash");
    boolean full = fullTransactions(request.optional(1));
    Optional<BlockStatus> status = consensus.status(hash);
    if (status.isEmpty()) {
      return null;
    }
    ObjectNode json = NODES.objectNode();
    json.put("hash", hash.toHex());
    if (status.get() == BlockStatus.INVALID) {
      json.put("status", "invalid");
      json.put("rejectionReason", consensus.rejectionReason(hash).orElse(""));
      return json;
    }
    Optional<BlockHeader> header = consensus.header(hash);
    Optional<GhostdagData> ghostdag = consensus.ghostdagData(hash);
    if (header.isEmpty() || ghostdag.isEmpty()) {
      return null;
    }
    writeHeader(json, header.get());
    json.put("status", "valid");
    writeGhostdag(json, ghostdag.get());
    json.set("children", DagObjects.hashes(consensus.children(hash)));
    OptionalLong chainNumber = consensus.selectedChainPosition(hash);
    json.put("chainBlock", chainNumber.isPresent());
    if (chainNumber.isPresent()) {
      json.put("chainNumber", Quantities.quantity(chainNumber.getAsLong()));
    } else {
      json.putNull("chainNumber");
    }
    Optional<BlockAcceptance> acceptance = node.acceptance(hash);
    if (acceptance.isEmpty()) {
      json.putNull("transactions");
      json.putNull("acceptance");
      return json;
    }
    json.set("transactions", ownTransactions(acceptance.get(), full));
    json.set("acceptance", acceptance(acceptance.get(), full));
    return json;
  }

  private static boolean fullTransactions(JsonNode value) throws JsonRpcException {
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw JsonRpcException.invalidParams("fullTransactions: a boolean");
    }
    return value.asBoolean();
  }

  private static void writeHeader(ObjectNode json, BlockHeader header) {
    json.put("version", Quantities.quantity(header.version()));
    json.set("parents", DagObjects.hashes(header.parents()));
    json.put("timestamp", Quantities.quantity(header.timestamp()));
    json.put("blueScore", Quantities.quantity(header.blueScore()));
    json.put("blueWork", Quantities.quantity(header.blueWork()));
    json.put("stateRoot", header.stateRoot().toHex());
    json.put("transactionsRoot", header.transactionsRoot().toHex());
    json.put("receiptsRoot", header.receiptsRoot().toHex());
    json.put("logsBloom", Bytes.toHex(header.logsBloom()));
    json.put("gasLimit", Quantities.quantity(header.gasLimit()));
    json.put("gasUsed", Quantities.quantity(header.gasUsed()));
    json.put("baseFeePerGas", header.baseFeePerGas().toHexString());
    json.put("producer", header.producer().toHex());
    json.put("vrfProof", Bytes.toHex(header.vrfProof()));
    json.put("extraData", Bytes.toHex(header.extraData()));
    if (header.signature().isPresent()) {
      json.put("signature", Bytes.toHex(header.signature().get().toBytes()));
    } else {
      json.putNull("signature");
    }
  }

  private static void writeGhostdag(ObjectNode json, GhostdagData data) {
    if (data.selectedParent().equals(GhostdagData.ORIGIN)) {
      json.putNull("selectedParent");
    } else {
      json.put("selectedParent", data.selectedParent().toHex());
    }
    json.set("mergesetBlues", DagObjects.hashes(data.mergesetBlues()));
    json.set("mergesetReds", DagObjects.hashes(data.mergesetReds()));
  }

  /** The block's own body: what it accepted from itself, which is all of it, in body order. */
  private static ArrayNode ownTransactions(BlockAcceptance acceptance, boolean full) {
    ArrayNode transactions = NODES.arrayNode();
    for (AcceptedTransaction accepted : acceptance.transactions()) {
      if (accepted.includedIn().equals(acceptance.hash())) {
        transactions.add(full ? EthObjects.pendingTransaction(accepted.transaction())
            : NODES.textNode(accepted.transaction().hash().toHex()));
      }
    }
    return transactions;
  }

  private static ObjectNode acceptance(BlockAcceptance acceptance, boolean full) {
    ObjectNode json = NODES.objectNode();
    json.put("number", Quantities.quantity(acceptance.number()));
    json.put("gasUsed", Quantities.quantity(acceptance.gasUsed()));
    ArrayNode transactions = json.putArray("transactions");
    for (AcceptedTransaction accepted : acceptance.transactions()) {
      if (full) {
        ObjectNode transaction = EthObjects.transaction(accepted, acceptance);
        transaction.put("includedIn", accepted.includedIn().toHex());
        transactions.add(transaction);
      } else {
        transactions.add(accepted.transaction().hash().toHex());
      }
    }
    ArrayNode skipped = json.putArray("skipped");
    for (SkippedTransaction skip : acceptance.skipped()) {
      ObjectNode item = skipped.addObject();
      item.put("hash", skip.transactionHash().toHex());
      item.put("reason", skip.reason().name());
      item.put("description", skip.reason().description());
      item.put("detail", skip.detail());
    }
    return json;
  }
}
