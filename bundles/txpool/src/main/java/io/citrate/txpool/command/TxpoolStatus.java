package io.citrate.txpool.command;

import io.citrate.txpool.api.PoolStatus;
import io.citrate.txpool.api.TransactionPool;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:txpool-status}: how full the transaction pool is. */
@Command(scope = "citrate", name = "txpool-status",
    description = "Show how many transactions the pool holds, pending and queued, and their encoded size.")
@Service
public class TxpoolStatus implements Action {

  @Reference
  TransactionPool pool;

  @Override
  public Object execute() {
    print(pool, System.out);
    return null;
  }

  static void print(TransactionPool pool, PrintStream out) {
    PoolStatus status = pool.status();
    out.println("Pending: " + status.pending());
    out.println("Queued : " + status.queued());
    out.println("Bytes  : " + status.bytes());
  }
}
