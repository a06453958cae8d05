package io.citrate.ipfs.command;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.PinRequest;
import io.citrate.ipfs.api.PinStatus;
import io.citrate.ipfs.api.Pins;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:pin-add}: pins content on the replication target; the pin queue does the work and retries. */
@Command(scope = "citrate", name = "pin-add",
    description = "Pin a CID on the configured backends; citrate:pin-status follows its progress.")
@Service
public class PinAdd implements Action {

  @Reference(optional = true)
  Pins pins;

  @Argument(index = 0, name = "cid", required = true, description = "Content id to pin")
  String cid;

  @Option(name = "--name", description = "A name for the pin")
  String name = "";

  @Option(name = "-t", aliases = "--target", description = "Backends that must hold it (default: pin.replication.target)")
  int target;

  @Override
  public Object execute() {
    PinStatus status = IpfsServices.require(pins).pin(new PinRequest(Cid.parse(cid), name, Map.of(), target));
    PinTable.printDetail(status, System.out);
    return null;
  }
}
