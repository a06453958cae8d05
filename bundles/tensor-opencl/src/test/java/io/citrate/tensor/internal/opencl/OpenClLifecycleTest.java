package io.citrate.tensor.internal.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.tensor.api.DType;
import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.DeviceBuffer;
import io.citrate.tensor.internal.kernel.Geometry.Matmul;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Closing the backend while another thread computes waits for that work and refuses what comes after. */
class OpenClLifecycleTest {

  @Test
  void closeWaitsForWorkInFlightAndLaterCallsAreRefused() throws Exception {
    OpenClKernels kernels = OpenClKernels.open(OpenClDeviceSelector.ANY, OpenClTestSupport.cacheDirectory());
    int n = 128;
    DeviceBuffer a = kernels.allocate(DType.FLOAT32, n * n);
    DeviceBuffer c = kernels.allocate(DType.FLOAT32, n * n);
    kernels.write(a, new float[n * n]);
    Matmul geometry = new Matmul(1, new int[] {0}, new int[] {0}, n, n, n, false, false);
    CountDownLatch running = new CountDownLatch(1);
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        while (true) {
          kernels.matmul(a, a, c, geometry);
          running.countDown();
        }
      } catch (Throwable failure) {
        ended.set(failure);
      }
    });
    worker.start();
    running.await();
    kernels.close();
    worker.join(10_000);

    assertThat(ended.get()).isInstanceOf(TensorException.class);
    assertThat(((TensorException) ended.get()).kind()).isEqualTo(TensorException.Kind.CLOSED);
    assertThatThrownBy(() -> kernels.allocate(DType.INT32, 4)).isInstanceOf(TensorException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> kernels.readFloats(c)).isInstanceOf(TensorException.class)
        .hasMessageContaining("closed");
    a.close();
    c.close();
    kernels.close();
  }
}
