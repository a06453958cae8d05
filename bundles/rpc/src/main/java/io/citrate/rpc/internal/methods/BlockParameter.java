package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Hash;
import io.citrate.rpc.api.JsonRpcException;

/**
 * A block as a request names it: a tag, a number, or (EIP-1898) an object with {@code blockHash} (and
 * {@code requireCanonical}) or {@code blockNumber}.
 */
sealed interface BlockParameter {

  enum Tag { LATEST, PENDING, SAFE, FINALIZED, EARLIEST }

  record Named(Tag tag) implements BlockParameter {}

  record Numbered(long number) implements BlockParameter {}

  record ByHash(Hash hash, boolean requireCanonical) implements BlockParameter {}

  BlockParameter LATEST = new Named(Tag.LATEST);

  /** Parameter {@code value}; null (an omitted optional parameter) means latest. */
  static BlockParameter parse(JsonNode value, String what) throws JsonRpcException {
    if (value == null || value.isNull()) {
      return LATEST;
    }
    if (value.isObject()) {
      JsonNode hash = value.get("blockHash");
      JsonNode number = value.get("blockNumber");
      if ((hash == null) == (number == null)) {
        throw JsonRpcException.invalidParams(what + ": exactly one of blockHash and blockNumber");
      }
      if (number != null) {
        return parse(number, what);
      }
      JsonNode canonical = value.get("requireCanonical");
      if (canonical != null && !canonical.isBoolean()) {
        throw JsonRpcException.invalidParams(what + ": requireCanonical must be a boolean");
      }
      return new ByHash(Quantities.hash(hash, what + ".blockHash"), canonical != null && canonical.asBoolean());
    }
    if (!value.isTextual()) {
      throw JsonRpcException.invalidParams(what + ": a block number, tag or hash object");
    }
    String text = value.asText();
    return switch (text) {
      case "latest" -> LATEST;
      case "pending" -> new Named(Tag.PENDING);
      case "safe" -> new Named(Tag.SAFE);
      case "finalized" -> new Named(Tag.FINALIZED);
      case "earliest" -> new Named(Tag.EARLIEST);
      default -> {
        if (text.length() == 66) {
          yield new ByHash(Quantities.hash(value, what), false);
        }
        yield new Numbered(Quantities.longQuantity(value, what));
      }
    };
  }
}
