package io.citrate.ipfs.api;

import io.citrate.ipfs.api.IpfsException.Kind;

/**
 * How content is cut into blocks. The two presets are Kubo's: {@link #KUBO_DEFAULT} is {@code ipfs add} (CIDv0,
 * dag-pb leaves) and {@link #KUBO_CID_V1} is {@code ipfs add --cid-version=1} (raw leaves, base32 ids). Both use
 * fixed 256 KiB chunks, a balanced layout of at most 174 links per node, and turn a directory into a HAMT shard
 * when the sum of its entries' name and id lengths exceeds 256 KiB.
 *
 * @param cidVersion 0 or 1: the version of the dag-pb nodes' ids
 * @param rawLeaves whether file chunks are raw blocks (always CIDv1, as with Kubo's {@code --raw-leaves}) rather than
 *     dag-pb UnixFS leaves
 * @param chunkSize bytes per chunk, 1 to {@value #MAX_CHUNK_SIZE}
 * @param maxLinks most children of one file node, 2 to {@value #MAX_LINKS}
 * @param shardThreshold the directory size estimate above which a directory becomes a HAMT shard
 */
public record ImportOptions(int cidVersion, boolean rawLeaves, int chunkSize, int maxLinks, long shardThreshold) {
  /** Largest chunk; blocks of at most 1 MiB are what every IPFS node exchanges. */
  public static final int MAX_CHUNK_SIZE = 1024 * 1024;
  public static final int DEFAULT_CHUNK_SIZE = 262_144;
  public static final int DEFAULT_MAX_LINKS = 174;
  /** Most links of one file node: 8192 links of a sha2-256 CIDv1 make a node of about 370 KiB, well below 1 MiB. */
  public static final int MAX_LINKS = 8192;
  public static final long DEFAULT_SHARD_THRESHOLD = 262_144;

  public static final ImportOptions KUBO_DEFAULT =
      new ImportOptions(0, false, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_LINKS, DEFAULT_SHARD_THRESHOLD);
  public static final ImportOptions KUBO_CID_V1 =
      new ImportOptions(1, true, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_LINKS, DEFAULT_SHARD_THRESHOLD);

  public ImportOptions {
    if (cidVersion != 0 && cidVersion != 1) {
      throw new IpfsException(Kind.INVALID_DATA, "CID version must be 0 or 1, not " + cidVersion);
    }
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new IpfsException(Kind.INVALID_DATA,
          "chunk size must be 1 to " + MAX_CHUNK_SIZE + " bytes, not " + chunkSize);
    }
    if (maxLinks < 2 || maxLinks > MAX_LINKS) {
      throw new IpfsException(Kind.INVALID_DATA,
          "links per file node must be 2 to " + MAX_LINKS + ", not " + maxLinks);
    }
    if (shardThreshold < 0) {
      throw new IpfsException(Kind.INVALID_DATA, "shard threshold is negative");
    }
  }

  /** Kubo's preset for {@code cidVersion}: {@link #KUBO_DEFAULT} for 0, {@link #KUBO_CID_V1} for 1. */
  public static ImportOptions kubo(int cidVersion) {
    return cidVersion == 1 ? KUBO_CID_V1 : cidVersion == 0 ? KUBO_DEFAULT
        : new ImportOptions(cidVersion, false, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_LINKS, DEFAULT_SHARD_THRESHOLD);
  }
}
