package io.citrate.ipfs.internal;

import io.citrate.ipfs.api.BlockstoreStatistics;
import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.GcResult;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.api.ImportResult;
import io.citrate.ipfs.api.Ipfs;
import io.citrate.ipfs.api.IpfsException;
import io.citrate.ipfs.api.IpfsException.Kind;
import io.citrate.ipfs.api.IpfsPath;
import io.citrate.ipfs.api.PinRequest;
import io.citrate.ipfs.api.Pins;
import io.citrate.ipfs.api.UnixFsEntry;
import io.citrate.ipfs.internal.block.GarbageCollector;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.block.KeyValueBlockstore.BlockWriter;
import io.citrate.ipfs.internal.block.KeyValueBlockstore.Guard;
import io.citrate.ipfs.internal.car.CarReader;
import io.citrate.ipfs.internal.car.CarWriter;
import io.citrate.ipfs.internal.unixfs.DirectoryImporter;
import io.citrate.ipfs.internal.unixfs.FileImporter;
import io.citrate.ipfs.internal.unixfs.UnixFsReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Ipfs} service over the node's blockstore: imports run under the blockstore's protection from garbage
 * collection and pin their roots (through {@link Pins}) before it ends; reads verify every block.
 */
final class IpfsService implements Ipfs {
  private final KeyValueBlockstore blocks;
  private final UnixFsReader reader;
  private final Pins pins;
  private final IpfsMetrics metrics;
  private final ImportOptions importOptions;

  IpfsService(KeyValueBlockstore blocks, Pins pins, IpfsMetrics metrics, ImportOptions importOptions) {
    this.blocks = blocks;
    this.importOptions = importOptions;
    this.reader = new UnixFsReader(blocks);
    this.pins = pins;
    this.metrics = metrics;
  }

  @Override
  public ImportResult add(InputStream content, ImportOptions options, boolean pin, String pinName) {
    try (Guard guard = blocks.protect(); BlockWriter writer = blocks.writer()) {
      ImportResult result = new FileImporter(options, writer).importFile(content);
      writer.flush();
      return imported(result, pin, pinName);
    } catch (IOException e) {
      throw new IpfsException(Kind.IO, "reading the content failed: " + e.getMessage(), e);
    }
  }

  @Override
  public ImportResult add(Path fileOrDirectory, ImportOptions options, boolean pin) {
    try (Guard guard = blocks.protect(); BlockWriter writer = blocks.writer()) {
      ImportResult result = DirectoryImporter.importPath(fileOrDirectory, options, writer);
      writer.flush();
      Path name = fileOrDirectory.getFileName();
      return imported(result, pin, name == null ? "" : name.toString());
    } catch (IOException e) {
      throw new IpfsException(Kind.IO, "reading " + fileOrDirectory + " failed: " + e.getMessage(), e);
    }
  }

  private ImportResult imported(ImportResult result, boolean pin, String pinName) {
    metrics.imported(result);
    if (pin) {
      pins.pin(new PinRequest(result.root(), pinName, Map.of(), 0));
    }
    return result;
  }

  @Override
  public UnixFsEntry stat(IpfsPath path) {
    UnixFsEntry entry = reader.stat(reader.resolve(path));
    List<String> segments = path.segments();
    return segments.isEmpty() ? entry : new UnixFsEntry(segments.get(segments.size() - 1), entry.cid(),
        entry.type(), entry.size(), entry.dagSize());
  }

  @Override
  public List<UnixFsEntry> list(IpfsPath path) {
    return reader.list(reader.resolve(path));
  }

  @Override
  public long read(IpfsPath path, long offset, long length, OutputStream out) {
    if (offset < 0 || length < 0) {
      throw new IpfsException(Kind.INVALID_DATA, "offset and length must not be negative");
    }
    try {
      return reader.read(reader.resolve(path), offset, length, out);
    } catch (IOException e) {
      throw new IpfsException(Kind.IO, "writing the content failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> block(Cid cid) {
    return blocks.find(cid);
  }

  @Override
  public boolean hasBlock(Cid cid) {
    return blocks.has(cid);
  }

  @Override
  public void exportCar(Cid root, OutputStream out) {
    try {
      CarWriter.write(root, blocks, out);
    } catch (IOException e) {
      throw new IpfsException(Kind.IO, "writing the CAR failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Cid> importCar(InputStream car, boolean pin) {
    try (Guard guard = blocks.protect(); BlockWriter writer = blocks.writer()) {
      List<Cid> roots = CarReader.read(car, writer);
      writer.flush();
      if (pin) {
        for (Cid root : roots) {
          pins.pin(PinRequest.of(root));
        }
      }
      return roots;
    } catch (IOException e) {
      throw new IpfsException(Kind.IO, "reading the CAR failed: " + e.getMessage(), e);
    }
  }

  @Override
  public GcResult collectGarbage() {
    GcResult result = new GarbageCollector(blocks, pins::pinnedRoots).collect();
    metrics.collected(result);
    return result;
  }

  @Override
  public ImportOptions importOptions() {
    return importOptions;
  }

  @Override
  public BlockstoreStatistics statistics() {
    return blocks.statistics();
  }
}
