package io.citrate.node.command;

import io.citrate.node.api.Node;
import io.citrate.node.api.NodeStatus;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:node-status}: the network, the head and its state, and block production. */
@Command(scope = "citrate", name = "node-status",
    description = "Show the node: chain, head block and number, state root, next base fee, tips, finality, production.")
@Service
public class NodeStatusCommand implements Action {

  @Reference
  Node node;

  @Override
  public Object execute() {
    print(node.status(), System.out);
    return null;
  }

  static void print(NodeStatus status, PrintStream out) {
    out.println("Chain          : " + status.chainName() + " (chain id " + status.chainId() + ")");
    out.println("Head           : " + status.head());
    out.println("Head number    : " + status.headNumber());
    out.println("State root     : " + status.headStateRoot());
    out.println("Next base fee  : " + status.nextBaseFee().toBigInteger() + " wei");
    out.println("Tips           : " + status.tips());
    out.println("Finality point : " + status.finalityPoint());
    out.println("Validator      : " + status.validator().map(Object::toString).orElse("none (not producing)"));
    out.println("Production     : " + (!status.producing() ? "off"
        : status.blockIntervalMillis() > 0 ? "a block every " + status.blockIntervalMillis() + " ms"
        : "a block per transaction"));
    out.println("Blocks produced: " + status.blocksProduced());
  }
}
