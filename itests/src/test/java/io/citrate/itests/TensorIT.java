package io.citrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricSet;
import com.codahale.metrics.Timer;
import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.FixedPoint;
import io.citrate.tensor.api.NumericMode;
import io.citrate.tensor.api.Shape;
import io.citrate.tensor.api.Tensor;
import io.citrate.tensor.api.TensorBackend;
import io.citrate.tensor.api.TensorEngine;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * The tensor engine in the real distribution: with an OpenCL platform on the machine (PoCL where there is no GPU
 * driver; the build installs it) the engine runs on OpenCL from inside the bundle, which embeds JOCL and its JNI
 * library; the Java reference runs beside it, and both compute EXACT results bit for bit alike.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TensorIT extends CitrateTestSupport {

  private TensorEngine engine;

  @Before
  public void awaitEngine() {
    engine = await().atMost(Duration.ofSeconds(60)).until(() -> service(TensorEngine.class, null), Optional::isPresent)
        .orElseThrow();
  }

  @Test
  public void runsOnOpenClWhenAPlatformIsInstalled() {
    ServiceReference<TensorEngine> reference = bundleContext.getServiceReference(TensorEngine.class);
    assertEquals("the engine must run on OpenCL here (is an OpenCL platform such as PoCL installed?)", "opencl",
        reference.getProperty(TensorBackend.NAME_PROPERTY));
    try (TensorSession session = engine.open(NumericMode.FAST)) {
      Tensor a = session.fromFloats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
      Tensor b = session.fromFloats(Shape.of(3, 2), 7, 8, 9, 10, 11, 12);
      assertArrayEquals(new float[] {58, 64, 139, 154}, session.readFloats(session.matmul(a, b)), 1e-5f);
      assertEquals("2 x 2 outputs of 3 products each", 12, session.cost().multiplyAccumulates());
    }
  }

  @Test
  public void exactResultsAreTheSameOnEveryBackend() throws Exception {
    List<int[]> results = new ArrayList<>();
    for (ServiceReference<TensorBackend> reference : bundleContext.getServiceReferences(TensorBackend.class, null)) {
      TensorBackend backend = bundleContext.getService(reference);
      try (TensorSession session = backend.open(NumericMode.EXACT)) {
        Tensor a = session.fromFloatsAsFixed(Shape.of(2, 2), 1.5f, -2.25f, 0.5f, 3.0f);
        Tensor b = session.fromFloatsAsFixed(Shape.of(2, 2), 0.1f, 0.2f, -0.3f, 0.4f);
        results.add(session.readInts(session.relu(session.matmul(a, b))));
      } finally {
        bundleContext.ungetService(reference);
      }
    }
    assertEquals("both backends run", 2, results.size());
    assertArrayEquals(results.get(0), results.get(1));
    assertEquals(FixedPoint.fromDouble(1.5 * 0.1 + 2.25 * 0.3), results.get(0)[0], 1);
  }

  @Test
  public void refusesBadInputAndKeepsTheSessionUsable() {
    try (TensorSession session = engine.open(NumericMode.FAST)) {
      Tensor a = session.fromFloats(Shape.of(2, 3), new float[6]);
      Tensor b = session.fromFloats(Shape.of(2, 3), new float[6]);
      try {
        session.matmul(a, b);
        fail("a 2x3 by 2x3 product must be refused");
      } catch (TensorException refused) {
        assertEquals(TensorException.Kind.SHAPE_MISMATCH, refused.kind());
      }
      Tensor integers = session.fromInts(DType.INT32, Shape.of(2, 3), new int[6]);
      try {
        session.add(a, integers);
        fail("float32 + int32 must be refused");
      } catch (TensorException refused) {
        assertEquals(TensorException.Kind.WRONG_DTYPE, refused.kind());
      }
      assertArrayEquals(new float[6], session.readFloats(session.add(a, b)), 0f);
    }
    try (TensorSession exact = engine.open(NumericMode.EXACT)) {
      try {
        exact.fromFloatsAsFixed(Shape.of(1), Float.NaN);
        fail("NaN has no fixed-point value");
      } catch (TensorException refused) {
        assertEquals(TensorException.Kind.NOT_FINITE, refused.kind());
      }
    }
  }

  @Test
  public void showsDevicesBenchmarksAndMetrics() throws Exception {
    String devices = executeCommand("citrate:tensor-devices");
    assertTrue(devices, devices.contains("Engine: opencl"));
    assertTrue(devices, devices.contains("Backend opencl (in use)"));
    assertTrue(devices, devices.contains("Backend java"));
    String bench = executeCommand("citrate:tensor-bench -n 64 -r 2");
    assertTrue(bench, bench.contains("opencl") && bench.contains("java") && bench.contains("GFLOP/s"));

    try (TensorSession session = engine.open(NumericMode.FAST)) {
      Tensor x = session.fromFloats(Shape.of(1, 4), 1, 2, 3, 4);
      session.softmax(x, 1);
    }
    Map<String, Metric> metrics = tensorMetrics();
    assertTrue(metrics.keySet().toString(), ((Timer) metrics.get("operation.softmax")).getCount() > 0);
  }

  private Map<String, Metric> tensorMetrics() throws Exception {
    for (ServiceReference<MetricSet> reference : bundleContext.getServiceReferences(MetricSet.class,
        "(citrate.metrics.prefix=citrate.tensor)")) {
      return bundleContext.getService(reference).getMetrics();
    }
    throw new AssertionError("no tensor metrics registered");
  }
}
