package io.citrate.consensus.command;

import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code citrate:dag-tips}: the blocks without children, the sink marked. */
@Command(scope = "citrate", name = "dag-tips",
    description = "List the DAG's tips (blocks without children) with their blue score and work; * marks the sink.")
@Service
public class DagTips implements Action {

  @Reference
  Consensus consensus;

  @Override
  public Object execute() {
    print(consensus, System.out);
    return null;
  }

  static void print(Consensus consensus, PrintStream out) {
    Hash sink = consensus.sink();
    ShellTable table = new ShellTable();
    table.column("Sink");
    table.column("Tip");
    table.column("Blue score").alignRight();
    table.column("Blue work").alignRight();
    table.column("Parents").alignRight();
    for (Hash tip : consensus.tips()) {
      GhostdagData data = consensus.ghostdagData(tip).orElseThrow();
      int parents = consensus.header(tip).orElseThrow().parents().size();
      table.addRow().addContent(tip.equals(sink) ? "*" : "", tip, data.blueScore(), data.blueWork(), parents);
    }
    table.print(out);
  }
}
