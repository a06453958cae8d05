package io.citrate.consensus.internal;

import static io.citrate.consensus.DagOnly.NO_EXECUTION;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.codahale.metrics.MetricSet;
import io.citrate.consensus.api.Consensus;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ConsensusParameters;
import io.citrate.consensus.api.ProposerParameters;
import io.citrate.consensus.api.StakeDistribution;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.store.api.MemoryKeyValueStore;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

class ConsensusComponentTest {
  private static final ConsensusGenesis GENESIS = new ConsensusGenesis(1337, ConsensusParameters.DEFAULT,
      ProposerParameters.DEFAULT, BlockHeader.builder().timestamp(1_800_000_000_000L).gasLimit(30_000_000).build(),
      StakeDistribution.of(List.of()));

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final BundleContext context = mock(BundleContext.class);
  @SuppressWarnings("unchecked")
  private final ServiceRegistration<MetricSet> metricsRegistration = mock(ServiceRegistration.class);
  @SuppressWarnings("unchecked")
  private final ServiceRegistration<Consensus> consensusRegistration = mock(ServiceRegistration.class);

  @BeforeEach
  void acceptServiceRegistrations() {
    when(context.registerService(eq(MetricSet.class), any(MetricSet.class), any())).thenReturn(metricsRegistration);
    when(context.registerService(eq(Consensus.class), any(Consensus.class), any())).thenReturn(consensusRegistration);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void activationPublishesConsensusAndItsMetricsAndDeactivationWithdrawsThem() {
    ConsensusComponent component = new ConsensusComponent(context, store, GENESIS, NO_EXECUTION, defaults());

    ArgumentCaptor<Consensus> consensus = ArgumentCaptor.forClass(Consensus.class);
    ArgumentCaptor<Dictionary<String, ?>> consensusProperties = ArgumentCaptor.forClass(Dictionary.class);
    verify(context).registerService(eq(Consensus.class), consensus.capture(), consensusProperties.capture());
    assertThat(consensus.getValue().sink()).isEqualTo(GENESIS.header().hash());
    assertThat(consensusProperties.getValue().get("citrate.chain.id")).isEqualTo(1337L);

    ArgumentCaptor<MetricSet> metrics = ArgumentCaptor.forClass(MetricSet.class);
    ArgumentCaptor<Dictionary<String, ?>> metricsProperties = ArgumentCaptor.forClass(Dictionary.class);
    verify(context).registerService(eq(MetricSet.class), metrics.capture(), metricsProperties.capture());
    assertThat(metricsProperties.getValue().get("citrate.metrics.prefix")).isEqualTo("citrate.consensus");
    assertThat(metrics.getValue().getMetrics())
        .containsKeys(ConsensusMetrics.ACCEPTED, ConsensusMetrics.PROCESSING, ConsensusMetrics.CHAIN_HEIGHT);

    component.deactivate();
    verify(consensusRegistration).unregister();
    verify(metricsRegistration).unregister();
    assertThat(metrics.getValue().getMetrics()).doesNotContainKey(ConsensusMetrics.CHAIN_HEIGHT);
  }

  @Test
  void theShippedFileShowsEveryKeyCommentedAtItsDefault() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/main/cfg/io.citrate.consensus.cfg"));
    for (Method attribute : ConsensusConfiguration.class.getDeclaredMethods()) {
      String key = attribute.getName().replace('_', '.');
      assertThat(lines).as(key).contains("#" + key + " = " + attribute.getDefaultValue());
    }
  }

  /** The configuration DS builds when no file sets PID io.citrate.consensus: every attribute's default. */
  private static ConsensusConfiguration defaults() {
    return (ConsensusConfiguration) Proxy.newProxyInstance(ConsensusConfiguration.class.getClassLoader(),
        new Class<?>[] {ConsensusConfiguration.class},
        (proxy, method, arguments) -> switch (method.getName()) {
          case "annotationType" -> ConsensusConfiguration.class;
          case "toString" -> "ConsensusConfiguration[defaults]";
          case "hashCode" -> 0;
          case "equals" -> proxy == arguments[0];
          default -> method.getDefaultValue();
        });
  }
}
