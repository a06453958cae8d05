package io.citrate.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.citrate.store.api.StoreName;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.ops4j.pax.exam.Option;

/** Both restart phases point the store at one data directory outside the container. */
abstract class StoreRestartSupport extends CitrateTestSupport {
  static final StoreName STORE = StoreName.of("itest-restart");
  static final byte[] KEY = {0x01};
  private static final String DIRECTORY_PROPERTY = "citrate.itest.restart.dir";

  static File restartDirectory() {
    return new File(System.getProperty("project.build.directory", "target"), "restart");
  }

  @Override
  protected Option[] extraOptions() {
    File directory = restartDirectory();
    return new Option[] {
      editConfigurationFilePut("etc/io.citrate.store.cfg", "data.directory",
          new File(directory, "store").getAbsolutePath()),
      systemProperty(DIRECTORY_PROPERTY).value(directory.getAbsolutePath())
    };
  }

  /** Where the write phase leaves the marker it committed; read inside the container. */
  static Path expectedMarkerFile() {
    return Paths.get(System.getProperty(DIRECTORY_PROPERTY), "expected-marker");
  }
}
