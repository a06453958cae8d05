package io.citrate.store.command;

import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.LatencySummary;
import io.citrate.store.api.StorageStatistics;
import io.citrate.store.api.StoreStatistics;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code citrate:store-info}: where the store lives, its size, its named stores and its metrics. */
@Command(scope = "citrate", name = "store-info", description = "Show the node's store: location, size, named stores and metrics.")
@Service
public class StoreInfo implements Action {

  @Reference
  KeyValueStore store;

  @Override
  public Object execute() {
    print(store.statistics(), System.out);
    return null;
  }

  static void print(StorageStatistics statistics, PrintStream out) {
    out.println("Location      : " + statistics.location());
    out.println("Size          : " + ByteSizes.format(statistics.sizeInBytes()));
    out.println("Commits       : " + statistics.commitCount() + " (" + statistics.failedCommitCount() + " failed)");
    out.println("Commit latency: " + latency(statistics.commitLatency()));
    out.println("Point reads   : " + statistics.readCount());
    out.println("Read latency  : " + latency(statistics.readLatency()));
    out.println();
    ShellTable table = new ShellTable();
    table.column("Store");
    table.column("Entries").alignRight();
    for (StoreStatistics store : statistics.stores()) {
      table.addRow().addContent(store.name().value(), store.entryCount());
    }
    table.emptyTableText("no stores yet");
    table.print(out);
  }

  private static String latency(Optional<LatencySummary> latency) {
    return latency
        .map(summary -> String.format(Locale.ROOT, "mean %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms",
            summary.meanMillis(), summary.medianMillis(), summary.p99Millis(), summary.maxMillis()))
        .orElse("not measured");
  }
}
