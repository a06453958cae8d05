package io.citrate.ipfs.internal.unixfs;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.dag.PbLink;
import io.citrate.ipfs.internal.dag.PbNode;
import io.citrate.ipfs.internal.dag.UnixFsData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a directory tree as Kubo's {@code ipfs add -r} does. Files are imported as they are added, and only
 * their (name, id, cumulative size) is kept; {@link #finish} then writes every directory bottom up. A directory is a
 * dag-pb UnixFS Directory with its links sorted by the bytes of their UTF-8 names, each link's Tsize the child's
 * cumulative size, unless its size estimate (the sum over entries of name bytes plus id bytes) exceeds the shard
 * threshold, in which case it becomes a HAMT shard ({@link HamtShard}). Empty directories are kept.
 */
public final class DirectoryImporter {
  private final ImportOptions options;
  private final BlockSink sink;
  private final FileImporter files;
  private final Directory root = new Directory();
  private long contentBytes;
  private long blocks;
  private boolean finished;

  public DirectoryImporter(ImportOptions options, BlockSink sink) {
    this.options = options;
    this.sink = sink;
    this.files = new FileImporter(options, sink);
  }

  /** The entries of one directory: files already imported, and subdirectories still to be written. */
  private static final class Directory {
    final Map<String, Object> children = new HashMap<>();
  }

  /**
   * Imports the file at {@code relativePath} ("a/b/c.txt"; parents created implicitly) and keeps its link. A path
   * already added, or one that goes through a file, is an {@link IpfsException} INVALID_PATH, raised before any of
   * the content is read.
   */
  public void addFile(String relativePath, InputStream content) throws IOException {
    checkOpen();
    List<String> segments = segments(relativePath);
    String name = segments.get(segments.size() - 1);
    Directory parent = parentOf(segments, relativePath);
    if (parent.children.containsKey(name)) {
      throw new IpfsException(Kind.INVALID_PATH, "'" + relativePath + "' was already added");
    }
    ImportResult file = files.importWithoutFlush(content);
    parent.children.put(name, new DirectoryLink(name, file.root(), file.dagBytes()));
    contentBytes += file.contentBytes();
    blocks += file.blocks();
  }

  /** A directory, empty unless entries are added under it; parents implicit. Adding it twice is harmless. */
  public void addDirectory(String relativePath) {
    checkOpen();
    List<String> segments = segments(relativePath);
    String name = segments.get(segments.size() - 1);
    Directory parent = parentOf(segments, relativePath);
    Object existing = parent.children.get(name);
    if (existing == null) {
      parent.children.put(name, new Directory());
    } else if (!(existing instanceof Directory)) {
      throw new IpfsException(Kind.INVALID_PATH, "'" + relativePath + "' was already added as a file");
    }
  }

  /** Writes every directory bottom up, flushes the sink and returns the root directory. */
  public ImportResult finish() {
    checkOpen();
    finished = true;
    DirectoryLink top = write(root);
    sink.flush();
    return new ImportResult(top.cid(), contentBytes, top.cumulativeSize(), blocks);
  }

  /**
   * {@code ipfs add} of a path: a regular file is imported as a file, a directory with everything in it (hidden
   * entries included). A symbolic link, or anything that is neither a regular file nor a directory, is refused with
   * INVALID_DATA; a path that does not exist is NOT_FOUND.
   */
  public static ImportResult importPath(Path fileOrDirectory, ImportOptions options, BlockSink sink)
      throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(fileOrDirectory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new IpfsException(Kind.NOT_FOUND, fileOrDirectory + " does not exist", e);
    }
    checkImportable(fileOrDirectory, attributes);
    if (attributes.isRegularFile()) {
      try (InputStream content = Files.newInputStream(fileOrDirectory, LinkOption.NOFOLLOW_LINKS)) {
        return new FileImporter(options, sink).importFile(content);
      }
    }
    DirectoryImporter importer = new DirectoryImporter(options, sink);
    Files.walkFileTree(fileOrDirectory, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes found) {
        if (!directory.equals(fileOrDirectory)) {
          importer.addDirectory(relative(fileOrDirectory, directory));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes found) throws IOException {
        checkImportable(file, found);
        try (InputStream content = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
          importer.addFile(relative(fileOrDirectory, file), content);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return importer.finish();
  }

  private static void checkImportable(Path path, BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) {
      throw new IpfsException(Kind.INVALID_DATA, path + " is a symbolic link; links are not imported");
    }
    if (!attributes.isRegularFile() && !attributes.isDirectory()) {
      throw new IpfsException(Kind.INVALID_DATA, path + " is neither a regular file nor a directory");
    }
  }

  private static String relative(Path top, Path path) {
    StringBuilder text = new StringBuilder();
    for (Path name : top.relativize(path)) {
      if (text.length() > 0) {
        text.append('/');
      }
      text.append(name);
    }
    return text.toString();
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the directory import is finished");
    }
  }

  /** The names of a relative path, checked as {@link IpfsPath} checks segments; doubled slashes are dropped. */
  private static List<String> segments(String relativePath) {
    if (relativePath == null || relativePath.length() > IpfsPath.MAX_LENGTH) {
      throw new IpfsException(Kind.INVALID_PATH, relativePath == null ? "path is missing"
          : "path of " + relativePath.length() + " characters, the limit is " + IpfsPath.MAX_LENGTH);
    }
    if (relativePath.startsWith("/")) {
      throw new IpfsException(Kind.INVALID_PATH, "'" + relativePath + "' is not a relative path");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : relativePath.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
        throw new IpfsException(Kind.INVALID_PATH, "'" + relativePath + "' has a segment '"
            + segment.replace("\0", "\\0") + "' that is not a file name");
      }
      segments.add(segment);
    }
    if (segments.isEmpty()) {
      throw new IpfsException(Kind.INVALID_PATH, "path '" + relativePath + "' names no entry");
    }
    return segments;
  }

  /** The directory holding the last segment, created with its parents where absent. */
  private Directory parentOf(List<String> segments, String relativePath) {
    Directory directory = root;
    for (String segment : segments.subList(0, segments.size() - 1)) {
      Object child = directory.children.get(segment);
      if (child == null) {
        Directory created = new Directory();
        directory.children.put(segment, created);
        directory = created;
      } else if (child instanceof Directory subdirectory) {
        directory = subdirectory;
      } else {
        throw new IpfsException(Kind.INVALID_PATH, "'" + relativePath + "' goes through the file '" + segment + "'");
      }
    }
    return directory;
  }

  /** Writes {@code directory} after its subdirectories; returns its link data (the name is the caller's). */
  private DirectoryLink write(Directory directory) {
    List<DirectoryLink> links = new ArrayList<>(directory.children.size());
    long estimate = 0;
    for (Map.Entry<String, Object> child : directory.children.entrySet()) {
      DirectoryLink link = child.getValue() instanceof Directory subdirectory
          ? named(child.getKey(), write(subdirectory))
          : (DirectoryLink) child.getValue();
      links.add(link);
      estimate += child.getKey().getBytes(StandardCharsets.UTF_8).length + link.cid().byteLength();
    }
    if (estimate > options.shardThreshold()) {
      HamtShard shard = new HamtShard(options.cidVersion(), sink);
      DirectoryLink top = shard.build(links);
      blocks += shard.blocks();
      return top;
    }
    return basic(links);
  }

  private static DirectoryLink named(String name, DirectoryLink link) {
    return new DirectoryLink(name, link.cid(), link.cumulativeSize());
  }

  /** A plain UnixFS Directory node, links in the byte order of their UTF-8 names. */
  private DirectoryLink basic(List<DirectoryLink> entries) {
    byte[][] names = new byte[entries.size()][];
    Integer[] order = new Integer[entries.size()];
    for (int index = 0; index < entries.size(); index++) {
      names[index] = entries.get(index).name().getBytes(StandardCharsets.UTF_8);
      order[index] = index;
    }
    Arrays.sort(order, (left, right) -> Arrays.compareUnsigned(names[left], names[right]));
    List<PbLink> links = new ArrayList<>(entries.size());
    long childrenSize = 0;
    for (int index : order) {
      DirectoryLink entry = entries.get(index);
      links.add(new PbLink(entry.cid(), entry.name(), entry.cumulativeSize()));
      childrenSize += entry.cumulativeSize();
    }
    byte[] block = new PbNode(links, UnixFsData.directory().encode()).encode();
    Cid cid = Cid.of(options.cidVersion(), Cid.DAG_PB, block);
    sink.put(cid, block);
    blocks++;
    return new DirectoryLink("", cid, block.length + childrenSize);
  }
}
