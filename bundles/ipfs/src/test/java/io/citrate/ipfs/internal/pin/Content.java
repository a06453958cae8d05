package io.citrate.ipfs.internal.pin;

import io.citrate.ipfs.api.Cid;
import io.citrate.ipfs.api.ImportOptions;
import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.unixfs.DirectoryImporter;
import io.citrate.ipfs.internal.unixfs.FileImporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Test content imported into a blockstore. */
final class Content {
  private Content() {}

  /** {@code size} pseudo-random bytes from {@code seed}. */
  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static Cid file(KeyValueBlockstore blocks, byte[] content, ImportOptions options) {
    try (KeyValueBlockstore.BlockWriter writer = blocks.writer()) {
      return new FileImporter(options, writer).importFile(new ByteArrayInputStream(content)).root();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A directory of two files and a subdirectory. */
  static Cid directory(KeyValueBlockstore blocks, ImportOptions options) {
    try (KeyValueBlockstore.BlockWriter writer = blocks.writer()) {
      DirectoryImporter importer = new DirectoryImporter(options, writer);
      importer.addFile("model.onnx", new ByteArrayInputStream(bytes(600_000, 7)));
      importer.addFile("docs/README.md", new ByteArrayInputStream("weights".getBytes(StandardCharsets.UTF_8)));
      return importer.finish().root();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
