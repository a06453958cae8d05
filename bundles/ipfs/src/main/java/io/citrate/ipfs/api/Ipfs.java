package io.citrate.ipfs.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's IPFS content: import with Kubo's content ids, read back, move as CAR, collect garbage. Content stays
 * only while something pins it: an import is protected from garbage collection until it returns, and a caller that
 * wants to keep it pins the root through {@link Pins}. Failures are {@link IpfsException}s; a refused operation
 * stores nothing that a later collection would not remove.
 */
@ProviderType
public interface Ipfs {

  /** Imports the bytes of {@code content} (read to its end, never held whole) as one file. */
  ImportResult add(InputStream content, ImportOptions options);

  /** Imports a file or a directory tree ({@code ipfs add -r}: every entry, hidden ones included). */
  ImportResult add(Path fileOrDirectory, ImportOptions options);

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
   * Imports every block of a CAR v1 stream, verifying each against its id before it is stored; returns the roots
   * the header names. A corrupt or truncated stream is refused with what had been verified kept only until the
   * next garbage collection.
   */
  List<Cid> importCar(InputStream car);

  /** Removes every block no pin reaches; pinned blocks, and those of imports in progress, are never removed. */
  GcResult collectGarbage();

  /** Blocks and bytes held now. */
  BlockstoreStatistics statistics();
}
