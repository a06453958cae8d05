package io.citrate.tensor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.Shape;
import io.citrate.tensor.api.TensorBackend;
import io.citrate.tensor.api.TensorEngine;
import io.citrate.tensor.api.TensorSession;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Which backend the component publishes as the engine, and its fallback when OpenCL cannot open. */
class TensorEngineComponentTest {
  private final List<Registered> registered = new ArrayList<>();
  private final BundleContext context = mock(BundleContext.class);
  private TensorEngineComponent component;

  record Registered(Class<?> type, Object service, Dictionary<String, ?> properties) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  TensorEngineComponentTest() {
    when(context.registerService(any(Class.class), (Object) any(), any(Dictionary.class))).thenAnswer(call -> {
      registered.add(new Registered(call.getArgument(0), call.getArgument(1), call.getArgument(2)));
      return mock(ServiceRegistration.class);
    });
  }

  @AfterEach
  void deactivate() {
    if (component != null) {
      component.deactivate();
    }
  }

  @Test
  void autoRunsOnOpenClAndPublishesBothBackends() {
    component = new TensorEngineComponent(context, new TestConfiguration());
    assertThat(engineName()).isEqualTo("opencl");
    assertThat(backendNames()).containsExactlyInAnyOrder("java", "opencl");
    assertThat(openClGauge()).isEqualTo(1);
    try (TensorSession session = engine().open(NumericMode.FAST)) {
      assertThat(session.readFloats(session.relu(session.fromFloats(Shape.of(2), -1, 2)))).containsExactly(0, 2);
    }
  }

  @Test
  void javaRunsOnJavaWithoutOpeningOpenCl() {
    TestConfiguration configuration = new TestConfiguration();
    configuration.backend = "java";
    component = new TensorEngineComponent(context, configuration);
    assertThat(engineName()).isEqualTo("java");
    assertThat(backendNames()).containsExactly("java");
    assertThat(openClGauge()).isEqualTo(0);
  }

  @Test
  void fallsBackToJavaWhenTheOpenClDeviceIsMissing() {
    TestConfiguration configuration = new TestConfiguration();
    configuration.backend = "opencl";
    configuration.platform = "no such platform";
    component = new TensorEngineComponent(context, configuration);
    assertThat(engineName()).isEqualTo("java");
    assertThat(backendNames()).containsExactly("java");
  }

  @Test
  void withoutFallbackAMissingOpenClDeviceLeavesNoEngine() {
    TestConfiguration configuration = new TestConfiguration();
    configuration.backend = "opencl";
    configuration.platform = "no such platform";
    configuration.fallback = false;
    assertThatThrownBy(() -> new TensorEngineComponent(context, configuration))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("without fallback");
    assertThat(registered).isEmpty();
  }

  @Test
  void sessionsAndOperationsReachTheMetrics() {
    TestConfiguration configuration = new TestConfiguration();
    configuration.backend = "java";
    component = new TensorEngineComponent(context, configuration);
    try (TensorSession session = engine().open(NumericMode.FAST)) {
      session.matmul(session.fromFloats(Shape.of(2, 2), 1, 2, 3, 4), session.fromFloats(Shape.of(2, 2), 1, 0, 0, 1));
    }
    MetricRegistry metrics = (MetricRegistry) service(MetricSet.class);
    assertThat(metrics.counter(TensorMetrics.SESSIONS).getCount()).isEqualTo(1);
    assertThat(metrics.timer(TensorMetrics.OPERATION_PREFIX + "matmul").getCount()).isEqualTo(1);
    assertThat(metrics.meter(TensorMetrics.MULTIPLY_ACCUMULATES).getCount()).isEqualTo(8);
  }

  private TensorEngine engine() {
    return (TensorEngine) service(TensorEngine.class);
  }

  private String engineName() {
    return registered.stream().filter(r -> r.type() == TensorEngine.class).findFirst().orElseThrow()
        .properties().get(TensorBackend.NAME_PROPERTY).toString();
  }

  private List<String> backendNames() {
    return registered.stream().filter(r -> r.type() == TensorBackend.class)
        .map(r -> ((TensorBackend) r.service()).name()).toList();
  }

  private Object service(Class<?> type) {
    return registered.stream().filter(r -> r.type() == type).findFirst().orElseThrow().service();
  }

  private int openClGauge() {
    MetricRegistry metrics = (MetricRegistry) service(MetricSet.class);
    return (Integer) ((Gauge<?>) metrics.getGauges().get(TensorEngineComponent.OPENCL_IN_USE)).getValue();
  }
}
