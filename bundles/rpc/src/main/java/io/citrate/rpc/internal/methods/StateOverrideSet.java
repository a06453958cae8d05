package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.vm.api.AccountOverride;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * geth's state override set: an object from address to {@code balance}, {@code nonce}, {@code code},
 * {@code state} (the whole storage) or {@code stateDiff} (some slots); the call sees the accounts so changed.
 */
final class StateOverrideSet {
  private static final Set<String> FIELDS = Set.of("balance", "nonce", "code", "state", "stateDiff");

  private StateOverrideSet() {}

  /** Parameter {@code value}; null (an omitted optional parameter) means no overrides. */
  static Map<Address, AccountOverride> parse(JsonNode value, String what) throws JsonRpcException {
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw JsonRpcException.invalidParams(what + ": an object from address to account override");
    }
    Map<Address, AccountOverride> overrides = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> accounts = value.fields();
    while (accounts.hasNext()) {
      Map.Entry<String, JsonNode> account = accounts.next();
      String where = what + "." + account.getKey();
      Address address = Quantities.address(TextNode.valueOf(account.getKey()), where);
      overrides.put(address, account(account.getValue(), where));
    }
    return overrides;
  }

  private static AccountOverride account(JsonNode fields, String what) throws JsonRpcException {
    if (!fields.isObject()) {
      throw JsonRpcException.invalidParams(what + ": an object with balance, nonce, code, state or stateDiff");
    }
    Iterator<String> names = fields.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw JsonRpcException.invalidParams(what + ": unknown field " + name);
      }
    }
    Optional<Wei> balance = present(fields, "balance")
        ? Optional.of(Wei.of(Quantities.bigQuantity(fields.get("balance"), what + ".balance"))) : Optional.empty();
    OptionalLong nonce = present(fields, "nonce")
        ? OptionalLong.of(Quantities.longQuantity(fields.get("nonce"), what + ".nonce")) : OptionalLong.empty();
    Optional<byte[]> code = present(fields, "code")
        ? Optional.of(Quantities.data(fields.get("code"), what + ".code")) : Optional.empty();
    Optional<Map<Hash, Hash>> state = present(fields, "state")
        ? Optional.of(slots(fields.get("state"), what + ".state")) : Optional.empty();
    Map<Hash, Hash> stateDiff = present(fields, "stateDiff") ? slots(fields.get("stateDiff"), what + ".stateDiff")
        : Map.of();
    if (state.isPresent() && present(fields, "stateDiff")) {
      throw JsonRpcException.invalidParams(what + ": has both state and stateDiff");
    }
    return new AccountOverride(balance, nonce, code, state, stateDiff);
  }

  private static Map<Hash, Hash> slots(JsonNode object, String what) throws JsonRpcException {
    if (!object.isObject()) {
      throw JsonRpcException.invalidParams(what + ": an object from 32-byte slot to 32-byte value");
    }
    Map<Hash, Hash> slots = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String where = what + "." + entry.getKey();
      slots.put(Quantities.hash(TextNode.valueOf(entry.getKey()), where), Quantities.hash(entry.getValue(), where));
    }
    return slots;
  }

  private static boolean present(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && !value.isNull();
  }
}
