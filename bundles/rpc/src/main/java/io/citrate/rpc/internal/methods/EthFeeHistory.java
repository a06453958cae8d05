package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.node.api.AcceptedTransaction;
import io.citrate.node.api.BlockAcceptance;
import io.citrate.node.api.FeeParameters;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code eth_feeHistory(blockCount, newestBlock, rewardPercentiles)}: the fee market of the {@code blockCount}
 * chain blocks ending at {@code newestBlock} (at most {@value #MAX_BLOCKS}, fewer near genesis), as the execution
 * APIs specify it:
 *
 * <ul>
 *   <li>{@code baseFeePerGas}: each block's base fee, then the base fee of the chain block after the newest, which
 *       the newest one's gas use sets;
 *   <li>{@code gasUsedRatio}: each block's own gas used over its gas limit: the EIP-1559 input that moves the next
 *       base fee. (A chain block also executes the transactions of blocks it merges; its Ethereum {@code gasUsed}
 *       counts them, but the base fee follows only its own, so that is the ratio that explains the fees.);
 *   <li>{@code reward}, when some percentiles are asked for: per block, the effective tip at each percentile of the
 *       gas its accepted transactions used, sorted by tip, as geth weighs it; zeros for a block that accepted
 *       nothing;
 *   <li>{@code baseFeePerBlobGas} and {@code blobGasUsedRatio}: zeros, as the chain carries no blobs.
 * </ul>
 *
 * <p>{@code blockCount} is a hex quantity or a JSON integer, capped at {@value #MAX_BLOCKS} as geth caps it;
 * percentiles are numbers in [0, 100], each above the one before, as geth requires.
 */
public final class EthFeeHistory implements JsonRpcMethod {
  static final int MAX_BLOCKS = 1024;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ChainView chain;
  private final int maxBlocks;

  EthFeeHistory(ChainView chain) {
    this(chain, MAX_BLOCKS);
  }

  /** With a cap of {@code maxBlocks} blocks per request. */
  EthFeeHistory(ChainView chain, int maxBlocks) {
    this.chain = chain;
    this.maxBlocks = maxBlocks;
  }

  @Override
  public String name() {
    return "eth_feeHistory";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(3);
    long blockCount = Math.min(blockCount(request.required(0)), maxBlocks);
    BlockParameter newestParameter = BlockParameter.parse(request.required(1), "newestBlock");
    double[] percentiles = percentiles(request.optional(2));
    ObjectNode result = NODES.objectNode();
    result.put("oldestBlock", Quantities.quantity(0));
    ArrayNode baseFees = result.putArray("baseFeePerGas");
    ArrayNode ratios = result.putArray("gasUsedRatio");
    ArrayNode blobBaseFees = result.putArray("baseFeePerBlobGas");
    ArrayNode blobRatios = result.putArray("blobGasUsedRatio");
    ArrayNode rewards = percentiles == null ? null : result.putArray("reward");
    if (blockCount == 0) {
      return result;
    }
    ChainView.ChainBlock newest = newest(newestParameter);
    long oldest = Math.max(0, newest.number() - blockCount + 1);
    result.put("oldestBlock", Quantities.quantity(oldest));
    for (long number = oldest; number <= newest.number(); number++) {
      BlockHeader header = number == newest.number() ? newest.header()
          : chain.atNumber(number).map(ChainView.ChainBlock::header).orElseThrow(EthFeeHistory::chainMoved);
      baseFees.add(header.baseFeePerGas().toHexString());
      ratios.add(header.gasLimit() == 0 ? 0.0 : (double) header.gasUsed() / header.gasLimit());
      blobBaseFees.add("0x0");
      blobRatios.add(0.0);
      if (rewards != null) {
        rewards.add(rewards(chain.node().chainBlock(number).orElseThrow(EthFeeHistory::chainMoved), percentiles));
      }
    }
    FeeParameters fees = chain.node().chainSpec().fees();
    BlockHeader last = newest.header();
    baseFees.add(fees.nextBaseFee(last.baseFeePerGas(), last.gasUsed(), last.gasLimit()).toHexString());
    blobBaseFees.add("0x0");
    return result;
  }

  /** A reorganisation shortened the selected chain while the range was read. */
  private static JsonRpcException chainMoved() {
    return new JsonRpcException(JsonRpcError.RESOURCE_UNAVAILABLE, "the selected chain moved while it was read; retry");
  }

  private static long blockCount(JsonNode value) throws JsonRpcException {
    if (value.isIntegralNumber()) {
      if (!value.canConvertToLong() || value.asLong() < 0) {
        throw JsonRpcException.invalidParams("blockCount: a non-negative number of blocks");
      }
      return value.asLong();
    }
    return Quantities.longQuantity(value, "blockCount");
  }

  private static double[] percentiles(JsonNode value) throws JsonRpcException {
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw JsonRpcException.invalidParams("rewardPercentiles: a list of numbers");
    }
    double[] percentiles = new double[value.size()];
    for (int i = 0; i < percentiles.length; i++) {
      JsonNode item = value.get(i);
      if (!item.isNumber()) {
        throw JsonRpcException.invalidParams("rewardPercentiles: a list of numbers");
      }
      percentiles[i] = item.asDouble();
      if (!(percentiles[i] >= 0 && percentiles[i] <= 100)) {
        throw JsonRpcException.invalidParams("invalid reward percentile: " + item + " is outside [0, 100]");
      }
      if (i > 0 && percentiles[i] <= percentiles[i - 1]) {
        throw JsonRpcException.invalidParams("invalid reward percentile: #" + (i - 1) + ":" + value.get(i - 1)
            + " >= #" + i + ":" + item);
      }
    }
    // As geth: no percentiles, no reward field.
    return percentiles.length == 0 ? null : percentiles;
  }

  private ChainView.ChainBlock newest(BlockParameter parameter) throws JsonRpcException {
    if (parameter instanceof BlockParameter.Numbered numbered) {
      long head = chain.node().head().number();
      if (numbered.number() > head) {
        throw new JsonRpcException(JsonRpcError.INVALID_INPUT,
            "request beyond head block: requested " + numbered.number() + ", head " + head);
      }
    }
    return chain.require(parameter);
  }

  /** The tips at {@code percentiles} of the gas {@code block}'s transactions used, cheapest tip first. */
  private static ArrayNode rewards(BlockAcceptance block, double[] percentiles) {
    ArrayNode row = NODES.arrayNode();
    if (block.transactions().isEmpty()) {
      for (int i = 0; i < percentiles.length; i++) {
        row.add("0x0");
      }
      return row;
    }
    record GasAndTip(long gasUsed, Wei tip) {}
    Wei baseFee = block.header().baseFeePerGas();
    List<GasAndTip> sorted = new ArrayList<>();
    for (AcceptedTransaction accepted : block.transactions()) {
      sorted.add(new GasAndTip(accepted.receipt().gasUsed(), TipOracle.effectiveTip(accepted.transaction(), baseFee)));
    }
    sorted.sort(Comparator.comparing(GasAndTip::tip));
    int index = 0;
    long gasSoFar = sorted.get(0).gasUsed();
    for (double percentile : percentiles) {
      long threshold = (long) (block.gasUsed() * percentile / 100);
      while (gasSoFar < threshold && index < sorted.size() - 1) {
        index++;
        gasSoFar += sorted.get(index).gasUsed();
      }
      row.add(sorted.get(index).tip().toHexString());
    }
    return row;
  }
}
