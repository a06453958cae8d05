package io.citrate.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates and reads the shared conformance fixtures (system property {@code citrate.testdata}). */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The fixture root: {@code citrate.testdata}, or {@code ../shared/testdata} beside the repository. */
  public static Path root() {
    String configured = System.getProperty("citrate.testdata");
    Path root = configured != null ? Path.of(configured) : repositoryRoot().resolve("../shared/testdata");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("conformance fixtures not found at " + root.toAbsolutePath().normalize()
          + "; set -Dcitrate.testdata");
    }
    return root.normalize();
  }

  public static Path resolve(String relative) {
    return root().resolve(relative);
  }

  public static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + file, e);
    }
  }

  /** JSON files under {@code relativeDir}, recursively, in a stable order. */
  public static List<Path> jsonFiles(String relativeDir) {
    try (Stream<Path> walk = Files.walk(resolve(relativeDir))) {
      return walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
