package io.citrate.tensor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.tensor.internal.EngineSettings.BackendChoice;
import io.citrate.tensor.internal.opencl.OpenClDeviceSelector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

  @Test
  void defaultsPreferOpenClWithFallbackAndCacheUnderTheDataFolder() {
    EngineSettings settings = EngineSettings.of(new TestConfiguration(), "/opt/citrate/data");
    assertThat(settings.backend()).isEqualTo(BackendChoice.AUTO);
    assertThat(settings.wantsOpenCl()).isTrue();
    assertThat(settings.fallback()).isTrue();
    assertThat(settings.selector()).isEqualTo(OpenClDeviceSelector.ANY);
    assertThat(settings.kernelCache()).isEqualTo(Path.of("/opt/citrate/data", "tensor", "kernels"));
    assertThat(settings.limits().maxTensorElements()).isEqualTo(16_777_216L);
    assertThat(settings.limits().maxRank()).isEqualTo(8);
  }

  @Test
  void readsEveryKey() {
    TestConfiguration configuration = new TestConfiguration();
    configuration.backend = " Java ";
    configuration.platform = "NVIDIA";
    configuration.deviceType = "GPU";
    configuration.deviceIndex = 1;
    configuration.cache = "/var/cache/kernels";
    configuration.maxElements = 1000;
    EngineSettings settings = EngineSettings.of(configuration, null);
    assertThat(settings.backend()).isEqualTo(BackendChoice.JAVA);
    assertThat(settings.wantsOpenCl()).isFalse();
    assertThat(settings.selector()).isEqualTo(new OpenClDeviceSelector("NVIDIA", "gpu", 1));
    assertThat(settings.kernelCache()).isEqualTo(Path.of("/var/cache/kernels"));
    assertThat(settings.limits().maxTensorElements()).isEqualTo(1000);
  }

  @Test
  void noneDisablesTheKernelCacheAndNoDataFolderMeansNoDefaultCache() {
    TestConfiguration configuration = new TestConfiguration();
    configuration.cache = "none";
    assertThat(EngineSettings.of(configuration, "/data").kernelCache()).isNull();
    assertThat(EngineSettings.of(new TestConfiguration(), null).kernelCache()).isNull();
  }

  @Test
  void refusesUnknownValuesNamingTheKey() {
    TestConfiguration backend = new TestConfiguration();
    backend.backend = "cuda";
    assertThatThrownBy(() -> EngineSettings.of(backend, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backend must be auto, opencl or java, not 'cuda'");
    TestConfiguration deviceType = new TestConfiguration();
    deviceType.deviceType = "fpga";
    assertThatThrownBy(() -> EngineSettings.of(deviceType, null)).hasMessageContaining("opencl.device.type");
    TestConfiguration index = new TestConfiguration();
    index.deviceIndex = -1;
    assertThatThrownBy(() -> EngineSettings.of(index, null)).hasMessageContaining("opencl.device.index");
    TestConfiguration limits = new TestConfiguration();
    limits.maxElements = 0;
    assertThatThrownBy(() -> EngineSettings.of(limits, null)).hasMessageContaining("must be positive");
  }
}
