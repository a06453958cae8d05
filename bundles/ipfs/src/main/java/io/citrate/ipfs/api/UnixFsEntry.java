package io.citrate.ipfs.api;

/**
 * What a content id or path names, as {@code ipfs files stat} and a directory listing show it.
 *
 * @param name the entry's name in its directory; empty for a root
 * @param cid its id
 * @param type what it is
 * @param size file bytes for a file or raw block; 0 for a directory
 * @param dagSize cumulative size of its DAG (its block and every block under it), as a parent's link records it
 */
public record UnixFsEntry(String name, Cid cid, Type type, long size, long dagSize) {
  /** The kinds of entry. */
  public enum Type {
    FILE, DIRECTORY, HAMT_DIRECTORY, RAW, SYMLINK
  }

  public boolean isDirectory() {
    return type == Type.DIRECTORY || type == Type.HAMT_DIRECTORY;
  }
}
