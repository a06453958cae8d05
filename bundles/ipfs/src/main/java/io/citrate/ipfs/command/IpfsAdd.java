package io.citrate.ipfs.command;

import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.Ipfs;
import io.citrate.ipfs.internal.block.BlockSink;
import io.citrate.ipfs.internal.unixfs.DirectoryImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * {@code citrate:ipfs-add}: imports a file or a directory tree (every entry, hidden ones included) with the content
 * ids Kubo's {@code ipfs add -r} gives, and pins it, as {@code ipfs add} does.
 */
@Command(scope = "citrate", name = "ipfs-add",
    description = "Import a file or directory into the node's blockstore with Kubo's content ids, and pin it.")
@Service
public class IpfsAdd implements Action {

  @Reference(optional = true)
  Ipfs ipfs;

  @Argument(index = 0, name = "path", required = true, description = "File or directory to import")
  @Completion(FileCompleter.class)
  String path;

  @Option(name = "--cid-version",
      description = "0 (Qm..., ipfs add's default) or 1 (raw leaves, base32); default: import.cid.version")
  Integer cidVersion;

  @Option(name = "-n", aliases = "--only-hash", description = "Compute the content id only; store and pin nothing")
  boolean onlyHash;

  @Option(name = "--no-pin", description = "Store without pinning (the next citrate:ipfs-gc removes it)")
  boolean noPin;

  @Override
  public Object execute() throws IOException {
    Path source = Path.of(path);
    if (!Files.exists(source)) {
      System.err.println("No such file or directory: " + source);
      return null;
    }
    Ipfs service = IpfsServices.require(ipfs);
    ImportOptions options = cidVersion == null ? service.importOptions() : ImportOptions.kubo(cidVersion);
    ImportResult result = onlyHash
        ? DirectoryImporter.importPath(source, options, BlockSink.DISCARD)
        : service.add(source, options, !noPin);
    Path name = source.getFileName();
    System.out.println("added " + result.root() + " " + (name == null ? source : name));
    System.out.println(String.format(Locale.ROOT, "%,d bytes of content, %,d block%s, DAG %,d bytes%s",
        result.contentBytes(), result.blocks(), result.blocks() == 1 ? "" : "s", result.dagBytes(),
        onlyHash ? " (not stored)" : noPin ? " (not pinned)" : ""));
    return null;
  }
}
