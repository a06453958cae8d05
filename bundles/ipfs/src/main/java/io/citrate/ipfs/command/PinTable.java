package io.citrate.ipfs.command;

import io.citrate.ipfs.api.BackendPinStatus;
import io.citrate.ipfs.api.PinStatus;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the pin commands print pins: one line each, or one pin in detail. */
final class PinTable {
  private PinTable() {}

  static void print(List<PinStatus> pins, PrintStream out) {
    out.println(String.format(Locale.ROOT, "%-26s %-62s %-8s %-7s %-28s %s",
        "Request", "CID", "State", "Target", "Backends", "Name"));
    for (PinStatus pin : pins) {
      String backends = pin.backends().stream()
          .map(backend -> backend.backend() + ":" + backend.state().apiName())
          .collect(Collectors.joining(","));
      out.println(String.format(Locale.ROOT, "%-26s %-62s %-8s %-7d %-28s %s", pin.requestId(), pin.cid(),
          pin.state().apiName(), pin.replicationTarget(), backends, pin.name()));
    }
  }

  static void printDetail(PinStatus pin, PrintStream out) {
    out.println("Request   " + pin.requestId());
    out.println("CID       " + pin.cid());
    out.println("Name      " + pin.name());
    out.println("State     " + pin.state().apiName() + " (target " + pin.replicationTarget() + " backend"
        + (pin.replicationTarget() == 1 ? "" : "s") + ")");
    out.println("Created   " + pin.created());
    if (!pin.meta().isEmpty()) {
      out.println("Meta      " + pin.meta());
    }
    for (BackendPinStatus backend : pin.backends()) {
      out.println(String.format(Locale.ROOT, "  %-8s %-8s attempts %-3d updated %s%s", backend.backend(),
          backend.state().apiName(), backend.attempts(), backend.updated(),
          backend.lastError() == null ? "" : "\n           last error: " + backend.lastError()));
    }
  }
}
