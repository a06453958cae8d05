package io.citrate.ipfs.command;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.PinQuery;
import io.citrate.ipfs.api.PinState;
import io.citrate.ipfs.api.Pins;
import java.util.Locale;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:pin-ls}: the pins, newest first, with their state on each backend. */
@Command(scope = "citrate", name = "pin-ls", description = "List pins, newest first, with each backend's state.")
@Service
public class PinLs implements Action {

  @Reference(optional = true)
  Pins pins;

  @Option(name = "-s", aliases = "--state", description = "Only pins in this state: queued, pinning, pinned, failed")
  String state;

  @Option(name = "--cid", description = "Only pins of this CID")
  String cid;

  @Option(name = "-n", aliases = "--limit", description = "Most pins listed (default 100, at most 1000)")
  int limit = 100;

  @Override
  public Object execute() {
    Set<PinState> states = state == null ? Set.of() : Set.of(parseState(state));
    Set<Cid> cids = cid == null ? Set.of() : Set.of(Cid.parse(cid));
    PinTable.print(IpfsServices.require(pins).list(new PinQuery(cids, null, states, null, null, limit)), System.out);
    return null;
  }

  private static PinState parseState(String text) {
    try {
      return PinState.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IpfsException(Kind.INVALID_DATA,
          "unknown pin state '" + text + "': queued, pinning, pinned or failed");
    }
  }
}
