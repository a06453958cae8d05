package io.citrate.ipfs.command;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.PinStatus;
import io.citrate.ipfs.api.Pins;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:pin-status}: one pin in detail, by request id or by CID (every pin of it). */
@Command(scope = "citrate", name = "pin-status",
    description = "Show a pin's state, attempts and last error on each backend, by request id or CID.")
@Service
public class PinStatusCommand implements Action {

  @Reference(optional = true)
  Pins pins;

  @Argument(index = 0, name = "pin", required = true, description = "Request id or CID")
  String pin;

  @Override
  public Object execute() {
    Pins service = IpfsServices.require(pins);
    Optional<PinStatus> byRequest = service.status(pin);
    List<PinStatus> found = byRequest.map(List::of).orElseGet(() -> service.statusOf(Cid.parse(pin)));
    if (found.isEmpty()) {
      System.err.println("No pin of " + pin);
      return null;
    }
    for (PinStatus status : found) {
      PinTable.printDetail(status, System.out);
    }
    return null;
  }
}
