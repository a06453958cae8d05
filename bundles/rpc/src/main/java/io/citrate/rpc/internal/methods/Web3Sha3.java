package io.citrate.rpc.internal.methods;

import io.citrate.core.api.crypto.Keccak256;
import io.citrate.rpc.api.JsonRpcException;
import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcRequest;

/** {@code web3_sha3}: Keccak-256 of the given data. */
public final class Web3Sha3 implements JsonRpcMethod {
  @Override
  public String name() {
    return "web3_sha3";
  }

  @Override
  public Object response(JsonRpcRequest request) throws JsonRpcException {
    request.requireAtMost(1);
    if (!request.required(0).isTextual()) {
      throw JsonRpcException.invalidParams("data must be a hex string");
    }
    return Keccak256.hash(Quantities.data(request.required(0).asText(), "data")).toString();
  }
}
