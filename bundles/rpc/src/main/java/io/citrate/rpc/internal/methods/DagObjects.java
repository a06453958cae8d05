package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citrate.core.api.Hash;
import java.util.List;

/** JSON pieces the {@code citrate} namespace's answers share. */
final class DagObjects {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DagObjects() {}

  static ArrayNode hashes(List<Hash> hashes) {
    ArrayNode json = NODES.arrayNode();
    hashes.forEach(hash -> json.add(hash.toHex()));
    return json;
  }

  /** A block of the selected chain: {@code {hash, number}}. */
  static ObjectNode chainBlock(Hash hash, long number) {
    ObjectNode json = NODES.objectNode();
    json.put("hash", hash.toHex());
    json.put("number", Quantities.quantity(number));
    return json;
  }
}
