package io.citrate.ipfs.internal.pin;

import io.citrate.ipfs.api.Cid;
import java.util.Map;

/**
 * One pin as one backend sees it: what to pin, under which name and metadata, and the backend's own reference to it
 * (a remote pinning service's request id) that an attempt may set for the attempts after it and for unpinning. The
 * pin queue persists the reference after every attempt, so a retry after a restart continues the same remote request.
 */
public final class BackendPin {
  private final Cid cid;
  private final String name;
  private final Map<String, String> meta;
  private volatile String reference;

  public BackendPin(Cid cid, String name, Map<String, String> meta, String reference) {
    this.cid = cid;
    this.name = name == null ? "" : name;
    this.meta = meta == null ? Map.of() : Map.copyOf(meta);
    this.reference = reference;
  }

  public Cid cid() {
    return cid;
  }

  public String name() {
    return name;
  }

  public Map<String, String> meta() {
    return meta;
  }

  /** The backend's reference to this pin, or null while it has none. */
  public String reference() {
    return reference;
  }

  public void reference(String reference) {
    this.reference = reference;
  }
}
