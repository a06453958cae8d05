package io.citrate.ipfs.api;

import io.citrate.ipfs.api.IpfsException.Kind;
import java.util.Map;

/**
 * What to pin and how widely.
 *
 * @param cid the content to pin
 * @param name an optional name, at most 255 characters (empty for none)
 * @param meta optional metadata, at most {@value #MAX_META_ENTRIES} entries
 * @param replicationTarget how many backends must hold it; 0 means the node's configured target
 */
public record PinRequest(Cid cid, String name, Map<String, String> meta, int replicationTarget) {
  public static final int MAX_NAME_LENGTH = 255;
  public static final int MAX_META_ENTRIES = 1000;

  public PinRequest {
    if (cid == null) {
      throw new IpfsException(Kind.INVALID_CID, "pin request without a CID");
    }
    name = name == null ? "" : name;
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IpfsException(Kind.TOO_LARGE, "pin name of " + name.length() + " characters, the limit is "
          + MAX_NAME_LENGTH);
    }
    meta = meta == null ? Map.of() : Map.copyOf(meta);
    if (meta.size() > MAX_META_ENTRIES) {
      throw new IpfsException(Kind.TOO_LARGE, "pin metadata of " + meta.size() + " entries, the limit is "
          + MAX_META_ENTRIES);
    }
    if (replicationTarget < 0) {
      throw new IpfsException(Kind.INVALID_DATA, "replication target is negative");
    }
  }

  public static PinRequest of(Cid cid) {
    return new PinRequest(cid, "", Map.of(), 0);
  }
}
