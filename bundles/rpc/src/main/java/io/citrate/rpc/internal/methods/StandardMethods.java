package io.citrate.rpc.internal.methods;

import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcMethod;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The web3, net and eth methods the node answers so far, by name. */
public final class StandardMethods {
  private StandardMethods() {}

  public static Map<String, JsonRpcMethod> of(Node node, String clientVersion) {
    return List.of(new Web3ClientVersion(clientVersion), new Web3Sha3(), new NetVersion(node),
            new EthChainId(node), new EthBlockNumber(node), new EthSendRawTransaction(node))
        .stream().collect(Collectors.toUnmodifiableMap(JsonRpcMethod::name, Function.identity()));
  }
}
