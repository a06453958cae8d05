package io.citrate.ipfs.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's IPFS content: import with Kubo's content ids, read back, move as CAR, collect garbage. Content stays
 * only while something pins it: an import is protected from garbage collection while it runs, and with {@code pin}
 * its root is pinned (with the node's replication target) before that protection ends, as {@code ipfs add} does.
 * Failures are {@link IpfsException}s; a refused operation stores nothing that a later collection would not remove.
 */
@ProviderType
public interface Ipfs {

  /**
   * Imports the bytes of {@code content} (read to its end, never held whole) as one file; with {@code pin}, pins
   * the root under {@code pinName} (empty for none).
   */
  ImportResult add(InputStream content, ImportOptions options, boolean pin, String pinName);

  /**
   * Imports a file or a directory tree ({@code ipfs add -r}: every entry, hidden ones included); with {@code pin},
   * pins the root under the file's or directory's name.
   */
  ImportResult add(Path fileOrDirectory, ImportOptions options, boolean pin);

  /** What {@code path} names. */
  UnixFsEntry stat(IpfsPath path);

  /** The entries of the directory at {@code path}, ordered by name bytes. */
  List<UnixFsEntry> list(IpfsPath path);

  /**
   * Writes bytes {@code offset} to {@code offset + length - 1} of the file (or raw block) at {@code path} to
   * {@code out}, fewer where the file ends first; {@code length} {@link Long#MAX_VALUE} reads to the end. Every
   * block read is verified against its id. Returns the number of bytes written.
   */
  long read(IpfsPath path, long offset, long length, OutputStream out);

  /** The block {@code cid} names, verified, or empty when this node does not have it. */
  Optional<byte[]> block(Cid cid);

  boolean hasBlock(Cid cid);

  /** Writes the DAG under {@code root} as a CAR v1 file with that root; every block must be present. */
  void exportCar(Cid root, OutputStream out);

  /**
   * Imports every block of a CAR v1 stream, verifying each against its id before it is stored, and with
   * {@code pin} pins the roots the header names; returns those roots. A corrupt or truncated stream is refused,
   * nothing is pinned, and what had been verified stays only until the next garbage collection.
   */
  List<Cid> importCar(InputStream car, boolean pin);

  /** Removes every block no pin reaches; pinned blocks, and those of imports in progress, are never removed. */
  GcResult collectGarbage();

  /** The import options the node is configured with ({@code import.cid.version}): Kubo's preset for it. */
  ImportOptions importOptions();

  /** Blocks and bytes held now. */
  BlockstoreStatistics statistics();
}
