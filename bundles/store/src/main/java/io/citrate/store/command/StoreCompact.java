package io.citrate.store.command;

import io.citrate.store.api.CompactionResult;
import io.citrate.store.api.KeyValueStore;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:store-compact}: reclaims space held by overwritten data and reports the sizes. */
@Command(scope = "citrate", name = "store-compact", description = "Rewrite the store's log so only live data remains; report the size before and after.")
@Service
public class StoreCompact implements Action {

  @Reference
  KeyValueStore store;

  @Override
  public Object execute() {
    print(store.compact(), System.out);
    return null;
  }

  static void print(CompactionResult result, PrintStream out) {
    out.println("Size before: " + ByteSizes.format(result.sizeBeforeBytes()));
    out.println("Size after : " + ByteSizes.format(result.sizeAfterBytes()));
    out.println("Reclaimed  : " + ByteSizes.format(result.reclaimedBytes()));
    out.println("Took       : " + result.elapsed().toMillis() + " ms");
  }
}
