package io.citrate.tensor.internal.session;

import static io.citrate.tensor.internal.session.DimsTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.PoolOptions;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import org.junit.jupiter.api.Test;

class PoolPlanTest {

  @Test
  void oneSpatialDimensionIsPaddedToThreeWithLeadingOnes() {
    PoolOptions options = new PoolOptions(new int[] {3}, new int[] {2}, new int[] {1, 1}, new int[0],
        AutoPad.NOTSET, false, false);
    PoolPlan plan = PoolPlan.of(new int[] {2, 3, 7}, options);
    assertThat(plan.outDims()).containsExactly(2, 3, 4);
    Geometry.Pool g = plan.geometry();
    assertThat(g.planes()).isEqualTo(6);
    assertThat(g.inDims()).containsExactly(1, 1, 7);
    assertThat(g.outDims()).containsExactly(1, 1, 4);
    assertThat(g.kernel()).containsExactly(1, 1, 3);
    assertThat(g.strides()).containsExactly(1, 1, 2);
    assertThat(g.padBegin()).containsExactly(0, 0, 1);
    assertThat(g.padEnd()).containsExactly(0, 0, 1);
    assertThat(g.dilations()).containsExactly(1, 1, 1);
    assertThat(plan.multiplyAccumulates()).isEqualTo(6 * 4 * 3);
  }

  @Test
  void ceilModeAndSamePaddingPerDimension() {
    PoolOptions ceil = new PoolOptions(new int[] {2, 2}, new int[] {2, 2}, new int[0], new int[0],
        AutoPad.NOTSET, true, false);
    assertThat(PoolPlan.of(new int[] {1, 1, 5, 4}, ceil).outDims()).containsExactly(1, 1, 3, 2);
    PoolOptions same = new PoolOptions(new int[] {3, 3}, new int[] {2, 2}, new int[0], new int[0],
        AutoPad.SAME_UPPER, false, true);
    PoolPlan plan = PoolPlan.of(new int[] {1, 1, 4, 5}, same);
    assertThat(plan.outDims()).containsExactly(1, 1, 2, 3);
    assertThat(plan.geometry().padBegin()).containsExactly(0, 0, 1);
    assertThat(plan.geometry().padEnd()).containsExactly(0, 1, 1);
  }

  @Test
  void globalPoolingCoversEverySpatialDimension() {
    PoolPlan plan = PoolPlan.global(new int[] {2, 3, 4, 5, 6});
    assertThat(plan.outDims()).containsExactly(2, 3, 1, 1, 1);
    assertThat(plan.geometry().kernel()).containsExactly(4, 5, 6);
    assertThat(plan.multiplyAccumulates()).isEqualTo(2 * 3 * 4 * 5 * 6);
  }

  @Test
  void refusesBadRanksAndKernels() {
    assertKind(() -> PoolPlan.of(new int[] {1, 1}, PoolOptions.window(2)), Kind.SHAPE_MISMATCH);
    assertKind(() -> PoolPlan.of(new int[] {1, 1, 2, 2, 2, 2}, PoolOptions.window(1, 1, 1, 1)),
        Kind.SHAPE_MISMATCH);
    assertKind(() -> PoolPlan.of(new int[] {1, 1, 4, 4}, PoolOptions.window(2)), Kind.INVALID_ARGUMENT);
    assertKind(() -> PoolPlan.of(new int[] {1, 1, 4, 4}, PoolOptions.window(2, 0)), Kind.INVALID_ARGUMENT);
    assertKind(() -> PoolPlan.of(new int[] {1, 1, 4, 4}, PoolOptions.window(5, 1)), Kind.SHAPE_MISMATCH);
  }
}
