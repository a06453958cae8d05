package io.citrate.ipfs.command;

import io.citrate.ipfs.api.GcResult;
import io.citrate.ipfs.api.Ipfs;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:ipfs-gc}: removes every block no pin reaches; pinned content and imports in progress stay. */
@Command(scope = "citrate", name = "ipfs-gc",
    description = "Remove the blocks no pin reaches (pinned content and imports in progress are kept).")
@Service
public class IpfsGc implements Action {

  @Reference(optional = true)
  Ipfs ipfs;

  @Override
  public Object execute() {
    GcResult result = IpfsServices.require(ipfs).collectGarbage();
    System.out.println(String.format(Locale.ROOT, "removed %,d blocks (%,d bytes), kept %,d, in %d ms",
        result.blocksRemoved(), result.bytesRemoved(), result.blocksKept(), result.elapsed().toMillis()));
    return null;
  }
}
