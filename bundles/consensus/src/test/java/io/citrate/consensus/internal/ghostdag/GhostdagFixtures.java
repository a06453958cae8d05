package io.citrate.consensus.internal.ghostdag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Finds the shared GHOSTDAG fixtures under {@code citrate.testdata} (default {@code ../shared/testdata}). */
final class GhostdagFixtures {
  private GhostdagFixtures() {}

  /** The {@code ghostdag} folder of the fixture root. */
  static Path root() {
    String configured = System.getProperty("citrate.testdata");
    Path testdata = configured != null ? Path.of(configured) : repositoryRoot().resolve("../shared/testdata");
    Path root = testdata.resolve("ghostdag").toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("GHOSTDAG fixtures not found at " + root + "; set -Dcitrate.testdata");
    }
    return root;
  }

  /** Fixture files under the root that {@code matches} accepts, as paths relative to the root, sorted. */
  static List<String> find(Predicate<Path> matches) {
    Path root = root();
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(matches)
          .map(path -> path.toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve(".mvn"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
