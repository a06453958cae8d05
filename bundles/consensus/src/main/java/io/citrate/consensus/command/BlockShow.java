package io.citrate.consensus.command;

import io.citrate.consensus.api.BlockStatus;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.GhostdagData;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import java.io.PrintStream;
import java.util.List;
import java.util.OptionalLong;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:block-show <hash>}: one block's header, status and GHOSTDAG data. */
@Command(scope = "citrate", name = "block-show",
    description = "Show a block: header fields, status (or why it was rejected), GHOSTDAG data, parents, children, chain position.")
@Service
public class BlockShow implements Action {
  private static final String INDENT = " ".repeat("Selected parent: ".length());

  @Argument(index = 0, name = "hash", description = "The block hash, 64 hex digits (0x optional).", required = true)
  @Completion(BlockHashCompleter.class)
  String hash;

  @Reference
  Consensus consensus;

  @Override
  public Object execute() {
    print(consensus, BlockHashes.parse(hash), System.out);
    return null;
  }

  /** @throws IllegalArgumentException when consensus has never seen the block */
  static void print(Consensus consensus, Hash block, PrintStream out) {
    BlockStatus status = consensus.status(block)
        .orElseThrow(() -> new IllegalArgumentException("unknown block " + block));
    out.println("Block          : " + block);
    out.println("Status         : " + status);
    if (status == BlockStatus.INVALID) {
      out.println("Reason         : " + consensus.rejectionReason(block).orElse("not recorded"));
      return;
    }
    BlockHeader header = consensus.header(block).orElseThrow();
    GhostdagData data = consensus.ghostdagData(block).orElseThrow();
    OptionalLong position = consensus.selectedChainPosition(block);
    out.println("Chain position : " + (position.isPresent() ? position.getAsLong() : "not on the selected chain"));
    out.println("Timestamp      : " + BlockHashes.timestamp(header.timestamp()));
    out.println("Producer       : " + header.producer());
    out.println("Version        : " + header.version());
    out.println("Gas            : " + header.gasUsed() + " used of " + header.gasLimit());
    out.println("State root     : " + header.stateRoot());
    out.println("VRF proof      : " + Bytes.toHex(header.vrfProof()));
    printHashes(out, "Parents        : ", header.parents());
    printHashes(out, "Children       : ", consensus.children(block));
    out.println("Selected parent: " + (header.isGenesis() ? "none (genesis)" : data.selectedParent()));
    out.println("Blue score     : " + data.blueScore());
    out.println("Blue work      : " + data.blueWork());
    printHashes(out, "Mergeset blues : ", data.mergesetBlues());
    printHashes(out, "Mergeset reds  : ", data.mergesetReds());
  }

  /** The first hash after the label, the rest beneath it; "none" for an empty list. */
  private static void printHashes(PrintStream out, String label, List<Hash> hashes) {
    if (hashes.isEmpty()) {
      out.println(label + "none");
      return;
    }
    out.println(label + hashes.get(0));
    hashes.subList(1, hashes.size()).forEach(hash -> out.println(INDENT + hash));
  }
}
