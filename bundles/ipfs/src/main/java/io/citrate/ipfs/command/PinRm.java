package io.citrate.ipfs.command;

import io.citrate.ipfs.api.Pins;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:pin-rm}: removes a pin here and from the backends holding it; the next collection frees it. */
@Command(scope = "citrate", name = "pin-rm",
    description = "Remove a pin by request id, here and on its backends (citrate:ipfs-gc then frees the blocks).")
@Service
public class PinRm implements Action {

  @Reference(optional = true)
  Pins pins;

  @Argument(index = 0, name = "request", required = true, description = "The pin's request id (citrate:pin-ls)")
  String request;

  @Override
  public Object execute() {
    boolean removed = IpfsServices.require(pins).unpin(request);
    System.out.println(removed ? "removed pin " + request : "no pin " + request);
    return null;
  }
}
