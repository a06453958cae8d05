package io.citrate.consensus.command;

import io.citrate.consensus.api.Consensus;
import io.citrate.core.api.Hash;
import java.util.List;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes block hashes from what an operator most often looks at: the tips and the newest chain blocks. */
@Service
public class BlockHashCompleter implements Completer {
  private static final int RECENT_CHAIN_BLOCKS = 20;

  @Reference
  Consensus consensus;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    TreeSet<String> hashes = new TreeSet<>();
    consensus.tips().forEach(tip -> hashes.add(tip.toHex()));
    long height = consensus.selectedChainHeight();
    for (long position = height; position >= 0 && position > height - RECENT_CHAIN_BLOCKS; position--) {
      consensus.selectedChainBlockAt(position).map(Hash::toHex).ifPresent(hashes::add);
    }
    return new StringsCompleter(hashes).complete(session, commandLine, candidates);
  }
}
