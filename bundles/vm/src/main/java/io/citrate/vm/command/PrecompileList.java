package io.citrate.vm.command;

import io.citrate.vm.api.PrecompileActivation;
import io.citrate.vm.api.PrecompileRegistry;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * {@code citrate:precompile-list}: the scheduled precompiles as of a block, whether this node has their code,
 * and which of them that block runs.
 */
@Command(scope = "citrate", name = "precompile-list",
    description = "List the scheduled precompiles (address, implementation, active from height), whether each is "
        + "registered on this node, and their state at a block; Ethereum's 0x01-0x0a always run.")
@Service
public class PrecompileList implements Action {
  static final String YES = "yes";
  static final String NO = "no";
  static final String IN_FORCE = "in force";
  static final String PENDING = "pending";
  static final String SUPERSEDED = "superseded";

  @Option(name = "-b", aliases = "--block",
      description = "Block number to evaluate the schedule at; default the schedule as it stands, every "
          + "activation decided so far.")
  Long block;

  @Reference
  PrecompileRegistry registry;

  @Override
  public Object execute() {
    print(registry, block, System.out);
    return null;
  }

  /**
   * @param block the block number to evaluate at; null for the schedule as it stands
   * @throws IllegalArgumentException when the block number is negative
   */
  static void print(PrecompileRegistry registry, Long block, PrintStream out) {
    if (block != null && block < 0) {
      throw new IllegalArgumentException("block number is negative: " + block);
    }
    long at = block != null ? block : Long.MAX_VALUE;
    List<PrecompileActivation> schedule = registry.scheduleAt(at);
    out.println(block != null ? "Precompiles scheduled as of block " + block : "Precompiles as scheduled now");
    ShellTable table = new ShellTable();
    table.column("Address");
    table.column("Implementation");
    table.column("Active from").alignRight();
    table.column("Registered");
    table.column("State");
    for (int i = 0; i < schedule.size(); i++) {
      PrecompileActivation activation = schedule.get(i);
      int registrations = registry.registrations(activation);
      String registered = registrations == 0 ? NO : registrations == 1 ? YES : registrations + " times";
      table.addRow().addContent(activation.address(), activation.implementation(), activation.activationHeight(),
          registered, state(schedule, i, at));
    }
    table.print(out);
  }

  /** The schedule is by address then height, so the next entry tells whether a later one replaced this one. */
  private static String state(List<PrecompileActivation> schedule, int index, long at) {
    PrecompileActivation activation = schedule.get(index);
    if (activation.activationHeight() > at) {
      return PENDING;
    }
    boolean replaced = index + 1 < schedule.size()
        && schedule.get(index + 1).address().equals(activation.address())
        && schedule.get(index + 1).activationHeight() <= at;
    return replaced ? SUPERSEDED : IN_FORCE;
  }
}
