package io.citrate.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Bytes of the regular files under a directory. */
final class DirectorySize {
  private DirectorySize() {}

  static long of(Path directory) {
    long[] total = new long[1];
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile()) {
            total[0] += attributes.size();
          }
          return FileVisitResult.CONTINUE;
        }

        // The collector deletes files while we walk; a vanished file counts as zero.
        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot measure " + directory, failure);
    }
    return total[0];
  }
}
