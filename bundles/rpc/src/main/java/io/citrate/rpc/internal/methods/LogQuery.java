package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Hash;
import io.citrate.rpc.api.JsonRpcException;
import java.util.Optional;

/**
 * A filter object of {@code eth_getLogs} and {@code eth_newFilter}: which logs ({@link LogFilter}) and where,
 * either a block range ({@code fromBlock}, {@code toBlock}, both latest when absent) or one {@code blockHash}.
 */
record LogQuery(LogFilter criteria, BlockParameter fromBlock, BlockParameter toBlock, Optional<Hash> blockHash) {

  static LogQuery parse(JsonNode filter) throws JsonRpcException {
    if (!filter.isObject()) {
      throw JsonRpcException.invalidParams("filter: a JSON object");
    }
    LogFilter criteria = LogFilter.parse(filter);
    JsonNode from = present(filter.get("fromBlock"));
    JsonNode to = present(filter.get("toBlock"));
    JsonNode hash = present(filter.get("blockHash"));
    if (hash != null) {
      if (from != null || to != null) {
        throw JsonRpcException.invalidParams("filter: blockHash cannot be combined with fromBlock or toBlock");
      }
      return new LogQuery(criteria, BlockParameter.LATEST, BlockParameter.LATEST,
          Optional.of(Quantities.hash(hash, "blockHash")));
    }
    return new LogQuery(criteria, rangeEnd(from, "fromBlock"), rangeEnd(to, "toBlock"), Optional.empty());
  }

  private static JsonNode present(JsonNode value) {
    return value == null || value.isNull() ? null : value;
  }

  /** A range end is a tag or a number; an EIP-1898 object or a hash names no range. */
  private static BlockParameter rangeEnd(JsonNode value, String what) throws JsonRpcException {
    if (value != null && !value.isTextual()) {
      throw JsonRpcException.invalidParams(what + ": a block number or tag");
    }
    BlockParameter parameter = BlockParameter.parse(value, what);
    if (parameter instanceof BlockParameter.ByHash) {
      throw JsonRpcException.invalidParams(what + ": a block number or tag");
    }
    return parameter;
  }

  /** Whether a block numbered {@code number} is within the range's explicit numbers (tags bound nothing here). */
  boolean admitsNumber(long number) {
    if (fromBlock instanceof BlockParameter.Numbered from && number < from.number()) {
      return false;
    }
    return !(toBlock instanceof BlockParameter.Numbered to && number > to.number());
  }
}
