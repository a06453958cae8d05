package io.citrate.ipfs.command;

import io.citrate.ipfs.api.Ipfs;
import io.citrate.ipfs.api.IpfsPath;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code citrate:ipfs-cat}: the bytes of a file in the blockstore, or a range of them, verified block by block. */
@Command(scope = "citrate", name = "ipfs-cat",
    description = "Print a file held by the node (/ipfs/<cid>[/path] or <cid>[/path]), or write it to a file.")
@Service
public class IpfsCat implements Action {

  @Reference(optional = true)
  Ipfs ipfs;

  @Argument(index = 0, name = "path", required = true, description = "<cid>[/path] or /ipfs/<cid>[/path]")
  String path;

  @Option(name = "-o", aliases = "--offset", description = "First byte to print (default 0)")
  long offset;

  @Option(name = "-l", aliases = "--length", description = "Most bytes to print (default: to the end)")
  long length = Long.MAX_VALUE;

  @Option(name = "--output", description = "Write to this file instead of the terminal")
  String output;

  @Override
  public Object execute() throws IOException {
    IpfsPath target = IpfsPath.parse(path);
    Ipfs service = IpfsServices.require(ipfs);
    if (output == null) {
      OutputStream out = new BufferedOutputStream(System.out);
      service.read(target, offset, length, out);
      out.flush();
      return null;
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(output)))) {
      long written = service.read(target, offset, length, out);
      System.out.println("wrote " + written + " bytes to " + output);
    }
    return null;
  }
}
