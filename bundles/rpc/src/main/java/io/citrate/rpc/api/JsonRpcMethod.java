package io.citrate.rpc.api;

import org.osgi.annotation.versioning.ConsumerType;

/** One JSON-RPC method: its name and how it answers a request. */
@ConsumerType
public interface JsonRpcMethod {

  /** The method's name, namespace included: {@code eth_chainId}. */
  String name();

  /**
   * The result of {@code request}: a value Jackson writes as JSON (strings for quantities and data, as Ethereum's
   * JSON-RPC encodes them), or null.
   *
   * @throws JsonRpcException for anything the client must be told, invalid parameters among them
   */
  Object response(JsonRpcRequest request) throws JsonRpcException;
}
