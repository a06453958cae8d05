package io.citrate.consensus.command;

import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Hash;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:dag-info}: the network's genesis and rules, and where the DAG stands now. */
@Command(scope = "citrate", name = "dag-info",
    description = "Show the block DAG: genesis and rules, sink, selected chain height, tips, finality point, orphans.")
@Service
public class DagInfo implements Action {

  @Reference
  Consensus consensus;

  @Override
  public Object execute() {
    print(consensus, System.out);
    return null;
  }

  static void print(Consensus consensus, PrintStream out) {
    ConsensusGenesis genesis = consensus.genesis();
    Hash sink = consensus.sink();
    GhostdagData sinkData = consensus.ghostdagData(sink).orElseThrow();
    out.println("Chain id             : " + genesis.chainId());
    out.println("Genesis              : " + genesis.header().hash());
    out.println("GHOSTDAG k           : " + genesis.parameters().ghostdagK());
    out.println("Finality depth       : " + genesis.parameters().finalityDepth());
    out.println("Sink                 : " + sink);
    out.println("Sink blue score      : " + sinkData.blueScore());
    out.println("Sink blue work       : " + sinkData.blueWork());
    out.println("Selected chain height: " + consensus.selectedChainHeight());
    out.println("Tips                 : " + consensus.tips().size());
    out.println("Finality point       : " + consensus.finalityPoint());
    out.println("Orphans              : " + consensus.orphanCount());
  }
}
