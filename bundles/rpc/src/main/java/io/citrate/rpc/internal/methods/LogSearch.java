package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.BlockReceipts;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.internal.RpcConfiguration;
import io.citrate.vm.api.Log;
import java.util.List;
import java.util.Optional;

/**
 * Finds the logs a {@link LogQuery} asks for on the selected chain, within the configured limits: a block whose
 * header bloom rules the criteria out is not read. Over {@code logs.max.block.range} blocks or
 * {@code logs.max.results} logs the request fails with -32005, as Infura and Alchemy answer, asking for a
 * narrower range.
 */
final class LogSearch {

  /** The limits of one search. */
  record Limits(int maxBlockRange, int maxResults) {
    static Limits of(RpcConfiguration configuration) {
      return new Limits(configuration.logs_max_block_range(), configuration.logs_max_results());
    }
  }

  private final ChainView chain;
  private final Limits limits;

  LogSearch(ChainView chain, Limits limits) {
    this.chain = chain;
    this.limits = limits;
  }

  ArrayNode logs(LogQuery query) throws JsonRpcException {
    ArrayNode logs = JsonNodeFactory.instance.arrayNode();
    if (query.blockHash().isPresent()) {
      BlockReceipts block = chain.node().receipts(query.blockHash().get())
          .orElseThrow(() -> new JsonRpcException(JsonRpcError.INVALID_INPUT, "unknown block"));
      appendMatching(logs, block, query.criteria(), false);
      checkResultCount(logs);
      return logs;
    }
    long from = number(query.fromBlock());
    long to = number(query.toBlock());
    if (from > to) {
      throw JsonRpcException.invalidParams("invalid block range");
    }
    long head = chain.node().head().number();
    to = Math.min(to, head);
    if (from > to) {
      return logs;
    }
    if (to - from + 1 > limits.maxBlockRange()) {
      throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "block range of " + (to - from + 1) + " blocks exceeds "
          + "the limit of " + limits.maxBlockRange() + " (logs.max.block.range); query a narrower range");
    }
    for (long number = from; number <= to; number++) {
      Optional<Hash> hash = chain.consensus().selectedChainBlockAt(number);
      if (hash.isPresent() && mayHoldMatches(hash.get(), query.criteria())) {
        Optional<BlockReceipts> block = chain.node().receipts(hash.get());
        if (block.isPresent()) {
          appendMatching(logs, block.get(), query.criteria(), false);
          checkResultCount(logs);
        }
      }
    }
    return logs;
  }

  /** What {@code block} accepted, as logs need it; empty for a block without an acceptance. */
  Optional<BlockReceipts> receipts(Hash block) {
    return chain.node().receipts(block);
  }

  /** Whether the header's bloom lets {@code block} hold a log {@code criteria} wants; unknown blocks hold none. */
  boolean mayHoldMatches(Hash block, LogFilter criteria) {
    Optional<BlockHeader> header = chain.header(block);
    return header.isPresent() && criteria.mayMatch(header.get().logsBloom());
  }

  /** Appends the logs of {@code block} that {@code criteria} matches, indexed block-wide. */
  static void appendMatching(ArrayNode logs, BlockReceipts block, LogFilter criteria, boolean removed) {
    int logIndex = 0;
    for (int i = 0; i < block.receipts().size(); i++) {
      for (Log log : block.receipts().get(i).logs()) {
        if (criteria.matches(log)) {
          logs.add(EthObjects.log(log, block.transactions().get(i), i, block.block(), block.number(), logIndex,
              removed));
        }
        logIndex++;
      }
    }
  }

  /** The block-wide index of the first log of transaction {@code index}: the logs its predecessors emitted. */
  static int firstLogIndex(BlockAcceptance block, int index) {
    List<AcceptedTransaction> transactions = block.transactions();
    int count = 0;
    for (int i = 0; i < index; i++) {
      count += transactions.get(i).receipt().logs().size();
    }
    return count;
  }

  private void checkResultCount(ArrayNode logs) throws JsonRpcException {
    if (logs.size() > limits.maxResults()) {
      throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED, "query returned more than " + limits.maxResults()
          + " results (logs.max.results); query a narrower block range");
    }
  }

  private long number(BlockParameter parameter) throws JsonRpcException {
    if (parameter instanceof BlockParameter.Numbered numbered) {
      return numbered.number();
    }
    return chain.require(parameter).number();
  }
}
