package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;

/** The {@code web3} namespace: the client's version and Keccak-256. */
@Component(service = JsonRpcNamespace.class)
public final class Web3Namespace implements JsonRpcNamespace {
  private final List<JsonRpcMethod> methods;

  public Web3Namespace() {
    Bundle bundle = FrameworkUtil.getBundle(Web3Namespace.class);
    this.methods = List.of(new Web3ClientVersion(bundle == null ? "dev" : bundle.getVersion().toString()),
        new Web3Sha3());
  }

  @Override
  public String name() {
    return "web3";
  }

  @Override
  public Collection<JsonRpcMethod> methods() {
    return methods;
  }
}
