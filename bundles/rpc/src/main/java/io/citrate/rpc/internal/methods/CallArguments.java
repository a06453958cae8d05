package io.citrate.rpc.internal.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.AccessListEntry;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.vm.api.CallMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The transaction call object of {@code eth_call}, {@code eth_estimateGas} and {@code eth_createAccessList}, as
 * the execution-apis define it: {@code from} (the zero address when absent), {@code to} (absent to create),
 * {@code gas}, {@code gasPrice} or {@code maxFeePerGas} and {@code maxPriorityFeePerGas}, {@code value},
 * {@code input} or its older name {@code data}, {@code accessList} and {@code nonce}. Other members (type,
 * chainId) are ignored, as geth ignores them.
 */
record CallArguments(Address from, Optional<Address> to, OptionalLong gas, Optional<Wei> gasPrice,
    Optional<Wei> maxFeePerGas, Optional<Wei> maxPriorityFeePerGas, Wei value, byte[] input,
    List<AccessListEntry> accessList) {

  static CallArguments parse(JsonNode object, String what) throws JsonRpcException {
    if (object == null || !object.isObject()) {
      throw JsonRpcException.invalidParams(what + ": a transaction call object");
    }
    Address from = present(object, "from") ? Quantities.address(object.get("from"), what + ".from") : Address.ZERO;
    Optional<Address> to = present(object, "to")
        ? Optional.of(Quantities.address(object.get("to"), what + ".to")) : Optional.empty();
    OptionalLong gas = present(object, "gas")
        ? OptionalLong.of(Quantities.longQuantity(object.get("gas"), what + ".gas")) : OptionalLong.empty();
    Wei value = present(object, "value") ? wei(object, "value", what) : Wei.ZERO;
    // The nonce plays no part in a call (geth skips nonce checks), but a malformed one is still refused.
    if (present(object, "nonce")) {
      Quantities.longQuantity(object.get("nonce"), what + ".nonce");
    }
    return new CallArguments(from, to, gas, optionalWei(object, "gasPrice", what),
        optionalWei(object, "maxFeePerGas", what), optionalWei(object, "maxPriorityFeePerGas", what), value,
        input(object, what), accessList(object.get("accessList"), what + ".accessList"));
  }

  /** The message to run with {@code gasLimit}, this object's own gas or a default the method chose. */
  CallMessage message(long gasLimit) {
    return new CallMessage(from, to, gasLimit, gasPrice, maxFeePerGas, maxPriorityFeePerGas, value, input,
        accessList);
  }

  /** The fee cap the sender's balance must cover per unit of gas; zero for an unpriced call. */
  Wei feeCap() {
    return gasPrice.or(() -> maxFeePerGas).orElse(Wei.ZERO);
  }

  private static boolean present(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && !value.isNull();
  }

  private static Wei wei(JsonNode object, String field, String what) throws JsonRpcException {
    return Wei.of(Quantities.bigQuantity(object.get(field), what + "." + field));
  }

  private static Optional<Wei> optionalWei(JsonNode object, String field, String what) throws JsonRpcException {
    return present(object, field) ? Optional.of(wei(object, field, what)) : Optional.empty();
  }

  private static byte[] input(JsonNode object, String what) throws JsonRpcException {
    byte[] input = present(object, "input") ? Quantities.data(object.get("input"), what + ".input") : null;
    byte[] data = present(object, "data") ? Quantities.data(object.get("data"), what + ".data") : null;
    if (input != null && data != null && !Arrays.equals(input, data)) {
      throw JsonRpcException.invalidParams(what + ": both \"data\" and \"input\" are set and not equal; "
          + "use \"input\" to pass the call data");
    }
    return input != null ? input : data != null ? data : Bytes.EMPTY;
  }

  private static List<AccessListEntry> accessList(JsonNode list, String what) throws JsonRpcException {
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw JsonRpcException.invalidParams(what + ": an array of {address, storageKeys}");
    }
    List<AccessListEntry> entries = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String where = what + "[" + i + "]";
      if (!entry.isObject()) {
        throw JsonRpcException.invalidParams(where + ": an object with address and storageKeys");
      }
      Address address = Quantities.address(entry.get("address"), where + ".address");
      JsonNode keys = entry.get("storageKeys");
      List<Hash> storageKeys = new ArrayList<>();
      if (keys != null && !keys.isNull()) {
        if (!keys.isArray()) {
          throw JsonRpcException.invalidParams(where + ".storageKeys: an array of 32-byte hashes");
        }
        for (int k = 0; k < keys.size(); k++) {
          storageKeys.add(Quantities.hash(keys.get(k), where + ".storageKeys[" + k + "]"));
        }
      }
      entries.add(new AccessListEntry(address, storageKeys));
    }
    return entries;
  }
}
