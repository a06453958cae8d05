package io.citrate.node.internal;

import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.internal.production.BlockImport;
import io.citrate.store.api.KeyValueStore;

/** {@link Devnet} for tests in other packages. */
public final class DevnetAccess {
  private final Devnet devnet;

  public DevnetAccess(KeyValueStore store, ProductionSettings.Mode mode, long intervalMillis) {
    this.devnet = new Devnet(store, mode, intervalMillis);
  }

  public NodeService node() {
    return devnet.node;
  }

  public BlockImport importer() {
    return devnet.importer;
  }

  /** A transfer of {@code value} from a funded development account to an empty one. */
  public Transaction transfer(long nonce, Wei value) {
    return devnet.transfer(Devnet.ALICE, nonce, Devnet.CAROL, value, 1);
  }
}
