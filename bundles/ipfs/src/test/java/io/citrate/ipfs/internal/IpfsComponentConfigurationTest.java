package io.citrate.ipfs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.ipfs.internal.block.KeyValueBlockstore;
import io.citrate.ipfs.internal.pin.PinBackend;
import io.citrate.store.api.MemoryKeyValueStore;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the component builds from etc/io.citrate.ipfs.cfg, and the configurations it refuses with a reason. */
class IpfsComponentConfigurationTest {
  private final KeyValueBlockstore blocks = new KeyValueBlockstore(new MemoryKeyValueStore());

  @Test
  void theDefaultsPinLocallyWithTargetOne() {
    IpfsConfiguration defaults = configuration(Map.of());
    assertThat(IpfsComponent.backends(defaults, blocks)).extracting(PinBackend::name).containsExactly("local");
    assertThat(IpfsComponent.settings(defaults).replicationTarget()).isEqualTo(1);
  }

  @Test
  void backendsComeInTheConfiguredOrder() {
    IpfsConfiguration configuration = configuration(Map.of("pin_backends", "kubo, local,remote",
        "kubo_api_url", "http://127.0.0.1:5001", "remote_endpoint", "https://pins.example/psa",
        "remote_token", "secret", "pin_replication_target", 3));
    assertThat(IpfsComponent.backends(configuration, blocks)).extracting(PinBackend::name)
        .containsExactly("kubo", "local", "remote");
  }

  @Test
  void configurationsThatCannotWorkAreRefusedWithTheirReason() {
    assertThatThrownBy(() -> IpfsComponent.backends(configuration(Map.of("pin_backends", "local,kubo")), blocks))
        .hasMessageContaining("kubo.api.url is empty");
    assertThatThrownBy(() -> IpfsComponent.backends(configuration(Map.of("pin_backends", "remote")), blocks))
        .hasMessageContaining("remote.endpoint is empty");
    assertThatThrownBy(() -> IpfsComponent.backends(configuration(Map.of("pin_backends", "local,s3")), blocks))
        .hasMessageContaining("'s3'");
    assertThatThrownBy(() -> IpfsComponent.backends(configuration(Map.of("pin_backends", " , ")), blocks))
        .hasMessageContaining("pin.backends is empty");
    assertThatThrownBy(() -> IpfsComponent.backends(
        configuration(Map.of("pin_replication_target", 2)), blocks))
        .hasMessageContaining("only 1 pin backend");
    assertThatThrownBy(() -> IpfsComponent.backends(configuration(Map.of("pin_backends", "kubo",
        "kubo_api_url", "ftp://127.0.0.1:5001")), blocks))
        .hasMessageContaining("kubo.api.url");
  }

  /** The configuration Config Admin would hand over: the annotation's defaults, with {@code overrides}. */
  static IpfsConfiguration configuration(Map<String, Object> overrides) {
    return (IpfsConfiguration) Proxy.newProxyInstance(IpfsConfiguration.class.getClassLoader(),
        new Class<?>[] {IpfsConfiguration.class},
        (proxy, method, arguments) -> overrides.containsKey(method.getName())
            ? overrides.get(method.getName()) : method.getDefaultValue());
  }
}
