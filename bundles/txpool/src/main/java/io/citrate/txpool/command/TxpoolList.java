package io.citrate.txpool.command;

import io.citrate.core.api.Address;
import io.citrate.core.api.tx.Transaction;
import io.citrate.txpool.api.TransactionPool;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code citrate:txpool-list}: the pool's transactions per sender in nonce order, pending and queued. */
@Command(scope = "citrate", name = "txpool-list",
    description = "List the transaction pool per sender in nonce order: pending (executable) and queued transactions.")
@Service
public class TxpoolList implements Action {
  static final int DEFAULT_COUNT = 50;

  @Option(name = "-n", aliases = "--count", description = "Most rows to list (default 50).")
  int count = DEFAULT_COUNT;

  @Option(name = "-s", aliases = "--sender", description = "List only this sender's transactions (0x address).")
  String sender;

  @Reference
  TransactionPool pool;

  @Override
  public Object execute() {
    print(pool, sender, count, System.out);
    return null;
  }

  private record Row(Transaction transaction, boolean pending) {}

  /**
   * @param sender a 0x address to list alone, or null for all senders
   * @throws IllegalArgumentException when count is below 1 or sender is not an address
   */
  static void print(TransactionPool pool, String sender, int count, PrintStream out) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    Address only = sender == null ? null : parseAddress(sender);
    List<Row> rows = new ArrayList<>();
    pool.pending().forEach(transaction -> rows.add(new Row(transaction, true)));
    pool.queued().forEach(transaction -> rows.add(new Row(transaction, false)));
    if (only != null) {
      rows.removeIf(row -> !row.transaction.sender().equals(only));
    }
    rows.sort(Comparator.comparing((Row row) -> row.transaction.sender())
        .thenComparing(row -> row.transaction.nonce(), Long::compareUnsigned));
    ShellTable table = new ShellTable();
    table.column("Sender");
    table.column("Nonce").alignRight();
    table.column("Status");
    table.column("Hash");
    table.column("Tip (wei)").alignRight();
    table.column("Fee cap (wei)").alignRight();
    table.column("Gas").alignRight();
    for (Row row : rows.subList(0, Math.min(count, rows.size()))) {
      Transaction transaction = row.transaction;
      table.addRow().addContent(transaction.sender().toChecksumHex(), Long.toUnsignedString(transaction.nonce()),
          row.pending ? "pending" : "queued", transaction.hash(), transaction.gasTipCap().toBigInteger(),
          transaction.gasFeeCap().toBigInteger(), Long.toUnsignedString(transaction.gasLimit()));
    }
    table.print(out);
    if (rows.size() > count) {
      out.println((rows.size() - count) + " more not shown; use -n to list more");
    }
  }

  private static Address parseAddress(String text) {
    try {
      return Address.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an address: " + e.getMessage());
    }
  }
}
