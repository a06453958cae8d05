package io.citrate.rpc.internal.methods;

import io.citrate.rpc.api.JsonRpcMethod;
import io.citrate.rpc.api.JsonRpcNamespace;
import io.citrate.txpool.api.TransactionPool;
import java.util.Collection;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code txpool} namespace: what the transaction pool holds, pending and queued, as geth shows it. */
@Component(service = JsonRpcNamespace.class)
public final class TxpoolNamespace implements JsonRpcNamespace {
  private final List<JsonRpcMethod> methods;

  @Activate
  public TxpoolNamespace(@Reference TransactionPool pool) {
    this.methods = List.of(new TxpoolStatus(pool), new TxpoolContent(pool), new TxpoolInspect(pool));
  }

  @Override
  public String name() {
    return "txpool";
  }

  @Override
  public Collection<JsonRpcMethod> methods() {
    return methods;
  }
}
