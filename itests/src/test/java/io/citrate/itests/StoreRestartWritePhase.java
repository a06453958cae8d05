package io.citrate.itests;

import static org.junit.Assert.assertArrayEquals;

import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.WriteBatch;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** First phase of {@link StoreRestartIT}: commit a fresh marker. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoreRestartWritePhase extends StoreRestartSupport {

  @Inject
  private KeyValueStore store;

  @Override
  protected Option[] extraOptions() {
    deleteRecursively(restartDirectory());
    return super.extraOptions();
  }

  @Test
  public void commitsAMarker() throws IOException {
    byte[] marker = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
    store.commit(new WriteBatch().put(STORE, KEY, marker));
    assertArrayEquals(marker, store.get(STORE, KEY).orElseThrow());
    Files.write(expectedMarkerFile(), marker);
  }

  private static void deleteRecursively(File directory) {
    if (!directory.exists()) {
      return;
    }
    try (Stream<java.nio.file.Path> paths = Files.walk(directory.toPath())) {
      paths.sorted(Comparator.reverseOrder()).map(java.nio.file.Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new IllegalStateException("cannot clear " + directory, e);
    }
  }
}
