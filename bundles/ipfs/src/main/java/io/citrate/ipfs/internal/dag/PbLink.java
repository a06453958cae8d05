package io.citrate.ipfs.internal.dag;

import io.citrate.ipfs.api.Cid;
import java.nio.charset.StandardCharsets;

/**
 * A dag-pb link: the child's id, its name (null when the field is absent; UnixFS file links carry an empty name)
 * and the cumulative size of the child's DAG ({@link #UNKNOWN_SIZE} when absent).
 */
public record PbLink(Cid cid, String name, long size) {
  public static final long UNKNOWN_SIZE = -1;

  public PbLink {
    if (cid == null) {
      throw new IllegalArgumentException("a link needs a CID");
    }
    if (size < UNKNOWN_SIZE) {
      throw new IllegalArgumentException("link size is negative: " + size);
    }
  }

  /** The name's UTF-8 bytes, empty when absent; the order of directory links is by these bytes. */
  public byte[] nameBytes() {
    return name == null ? new byte[0] : name.getBytes(StandardCharsets.UTF_8);
  }

  public boolean hasSize() {
    return size != UNKNOWN_SIZE;
  }
}
