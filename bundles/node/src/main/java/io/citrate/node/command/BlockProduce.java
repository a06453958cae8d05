package io.citrate.node.command;

import io.citrate.core.api.Hash;
import io.citrate.node.api.Node;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:block-produce}: produces blocks now, as on a devnet a developer wants them. */
@Command(scope = "citrate", name = "block-produce",
    description = "Produce blocks now with what the pool holds (a validator node; for devnets and tests).")
@Service
public class BlockProduce implements Action {

  @Reference
  Node node;

  @Option(name = "-n", aliases = "--count", description = "How many blocks to produce, one after another.")
  int count = 1;

  @Override
  public Object execute() {
    if (count < 1) {
      System.err.println("--count must be at least 1");
      return null;
    }
    for (int i = 0; i < count; i++) {
      try {
        Hash block = node.produceBlock();
        System.out.println(block + " at number " + node.status().headNumber());
      } catch (IllegalStateException e) {
        System.err.println("No block produced: " + e.getMessage());
        return null;
      }
    }
    return null;
  }
}
