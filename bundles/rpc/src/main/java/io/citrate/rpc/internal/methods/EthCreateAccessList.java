package io.citrate.rpc.internal.methods;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.tx.AccessListEntry;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import io.citrate.vm.api.CallStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code eth_createAccessList}: the EIP-2930 access list a call object would use on the state after a chain
 * block (latest when not given), built as geth builds it: run with the list so far, take the accounts and
 * slots the run accessed (not the sender, the recipient or a precompile on their own) and run again until
 * the list no longer changes. Answers the list, the gas used with it and, when the last run failed, its error.
 * Each run can only add to the list, so the loop ends.
 */
public final class EthCreateAccessList implements JsonRpcMethod {
  private final ChainView chain;
  private final long gasCap;

  public EthCreateAccessList(ChainView chain, long gasCap) {
    this.chain = chain;
    this.gasCap = gasCap;
  }

  @Override
  public String name() {
    return "eth_createAccessList";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    CallRequest call = CallRequest.parse(request, chain, false);
    long allowance = call.gasAllowance(gasCap);
    CallMessage message = call.arguments().message(Math.min(call.arguments().gas().orElse(allowance), gasCap));
    List<AccessListEntry> accessList = message.accessList();
    while (true) {
      CallResult result = call.run(chain, message.withAccessList(accessList));
      if (result.status() == CallStatus.REJECTED || result.status() == CallStatus.INTRINSIC_GAS_TOO_LOW) {
        throw new JsonRpcException(JsonRpcError.INVALID_INPUT, "failed to apply transaction: " + result.failure());
      }
      if (asSets(result.accessed()).equals(asSets(accessList))) {
        return answer(result.accessed(), result);
      }
      accessList = result.accessed();
    }
  }

  private static Map<Address, Set<Hash>> asSets(List<AccessListEntry> accessList) {
    Map<Address, Set<Hash>> sets = new LinkedHashMap<>();
    for (AccessListEntry entry : accessList) {
      sets.computeIfAbsent(entry.address(), address -> new HashSet<>()).addAll(entry.storageKeys());
    }
    return sets;
  }

  private static Map<String, Object> answer(List<AccessListEntry> accessList, CallResult result) {
    List<Map<String, Object>> entries = new ArrayList<>(accessList.size());
    for (AccessListEntry entry : accessList) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("address", entry.address().toString());
      json.put("storageKeys", entry.storageKeys().stream().map(Hash::toString).toList());
      entries.add(json);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("accessList", entries);
    answer.put("gasUsed", Quantities.quantity(result.gasUsed()));
    if (!result.success()) {
      answer.put("error", result.failure());
    }
    return answer;
  }
}
