package io.citrate.consensus.command;

import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import java.io.PrintStream;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code citrate:chain-list}: a stretch of the selected chain, newest first unless asked otherwise. */
@Command(scope = "citrate", name = "chain-list",
    description = "List selected-chain blocks by position (the Ethereum block number), newest first by default.")
@Service
public class ChainList implements Action {
  static final int DEFAULT_COUNT = 20;

  @Option(name = "-s", aliases = "--start",
      description = "Position to start from; default the sink's, or genesis (0) with --ascending.")
  Long start;

  @Option(name = "-n", aliases = "--count", description = "How many blocks to list (default 20).")
  int count = DEFAULT_COUNT;

  @Option(name = "-a", aliases = "--ascending", description = "List upwards from the start instead of down.")
  boolean ascending;

  @Reference
  Consensus consensus;

  @Override
  public Object execute() {
    print(consensus, start, count, ascending, System.out);
    return null;
  }

  /**
   * @param start the first position listed; null for the sink's (descending) or genesis (ascending)
   * @throws IllegalArgumentException when count is below 1 or start is not a position on the chain
   */
  static void print(Consensus consensus, Long start, int count, boolean ascending, PrintStream out) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    long height = consensus.selectedChainHeight();
    long first = start != null ? start : ascending ? 0 : height;
    if (first < 0 || first > height) {
      throw new IllegalArgumentException("start " + first + " is not a position on the selected chain (0 to "
          + height + ")");
    }
    long step = ascending ? 1 : -1;
    ShellTable table = new ShellTable();
    table.column("Position").alignRight();
    table.column("Block");
    table.column("Blue score").alignRight();
    table.column("Blues").alignRight();
    table.column("Reds").alignRight();
    table.column("Timestamp");
    for (long position = first, listed = 0; listed < count && position >= 0; position += step, listed++) {
      // The chain may have moved since its height was read; stop where it now ends.
      Optional<Hash> block = consensus.selectedChainBlockAt(position);
      if (block.isEmpty()) {
        break;
      }
      GhostdagData data = consensus.ghostdagData(block.get()).orElseThrow();
      long timestamp = consensus.header(block.get()).orElseThrow().timestamp();
      table.addRow().addContent(position, block.get(), data.blueScore(), data.mergesetBlues().size(),
          data.mergesetReds().size(), BlockHashes.timestamp(timestamp));
    }
    table.print(out);
  }
}
