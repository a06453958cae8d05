package io.citrate.consensus.api;

import io.citrate.core.api.Hash;
import java.util.List;

/**
 * How the selected chain moved when a block was accepted: to Ethereum clients a reorganisation that
 * removes {@code removed} (highest first) and adds {@code added} (lowest first). Both empty when the
 * new block did not become the sink.
 */
public record ChainChange(List<Hash> removed, List<Hash> added) {
  public static final ChainChange NONE = new ChainChange(List.of(), List.of());

  public ChainChange {
    removed = List.copyOf(removed);
    added = List.copyOf(added);
  }

  public boolean isReorganisation() {
    return !removed.isEmpty();
  }
}
