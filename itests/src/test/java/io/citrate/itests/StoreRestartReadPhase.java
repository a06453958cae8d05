package io.citrate.itests;

import static org.junit.Assert.assertArrayEquals;

import io.citrate.store.api.KeyValueStore;
import java.io.IOException;
import java.nio.file.Files;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Second phase of {@link StoreRestartIT}: a new container reads the marker the first one committed. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoreRestartReadPhase extends StoreRestartSupport {

  @Inject
  private KeyValueStore store;

  @Test
  public void seesTheMarkerCommittedBeforeTheRestart() throws IOException {
    byte[] expected = Files.readAllBytes(expectedMarkerFile());
    assertArrayEquals(expected, store.get(STORE, KEY).orElseThrow());
  }
}
