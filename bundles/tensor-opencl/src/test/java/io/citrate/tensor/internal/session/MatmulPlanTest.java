package io.citrate.tensor.internal.session;

import static io.citrate.tensor.internal.session.DimsTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import org.junit.jupiter.api.Test;

class MatmulPlanTest {

  @Test
  void plainMatrices() {
    MatmulPlan plan = MatmulPlan.of(new int[] {2, 3}, new int[] {3, 4});
    assertThat(plan.outDims()).containsExactly(2, 4);
    Geometry.Matmul g = plan.geometry();
    assertThat(new int[] {g.batch(), g.m(), g.n(), g.k()}).containsExactly(1, 2, 4, 3);
    assertThat(g.aOffsets()).containsExactly(0);
    assertThat(plan.multiplyAccumulates()).isEqualTo(24);
  }

  @Test
  void oneDimensionalOperandsArePromotedAndSqueezed() {
    assertThat(MatmulPlan.of(new int[] {3}, new int[] {3, 4}).outDims()).containsExactly(4);
    assertThat(MatmulPlan.of(new int[] {2, 3}, new int[] {3}).outDims()).containsExactly(2);
    assertThat(MatmulPlan.of(new int[] {3}, new int[] {3}).outDims()).isEmpty();
    assertThat(MatmulPlan.of(new int[] {3}, new int[] {5, 3, 4}).outDims()).containsExactly(5, 4);
    assertThat(MatmulPlan.of(new int[] {5, 2, 3}, new int[] {3}).outDims()).containsExactly(5, 2);
  }

  @Test
  void batchDimensionsBroadcastWithOffsets() {
    MatmulPlan plan = MatmulPlan.of(new int[] {2, 1, 2, 3}, new int[] {3, 3, 4});
    assertThat(plan.outDims()).containsExactly(2, 3, 2, 4);
    Geometry.Matmul g = plan.geometry();
    assertThat(g.batch()).isEqualTo(6);
    assertThat(g.aOffsets()).containsExactly(0, 0, 0, 6, 6, 6);
    assertThat(g.bOffsets()).containsExactly(0, 12, 24, 0, 12, 24);
    assertThat(plan.multiplyAccumulates()).isEqualTo(6 * 2 * 4 * 3);
  }

  @Test
  void refusesMismatchedInnerDimensionsAndScalars() {
    assertKind(() -> MatmulPlan.of(new int[] {2, 3}, new int[] {4, 2}), Kind.SHAPE_MISMATCH);
    assertKind(() -> MatmulPlan.of(new int[] {2, 2, 3}, new int[] {3, 3, 2}), Kind.SHAPE_MISMATCH);
    assertKind(() -> MatmulPlan.of(new int[] {}, new int[] {3}), Kind.SHAPE_MISMATCH);
  }

  @Test
  void gemmReadsTransposedOperands() {
    MatmulPlan plan = MatmulPlan.gemm(new int[] {3, 2}, new int[] {4, 3}, true, true);
    assertThat(plan.outDims()).containsExactly(2, 4);
    assertThat(plan.geometry().transA()).isTrue();
    assertThat(plan.geometry().transB()).isTrue();
    assertThat(plan.geometry().k()).isEqualTo(3);
    assertKind(() -> MatmulPlan.gemm(new int[] {3, 2}, new int[] {4, 3}, false, false), Kind.SHAPE_MISMATCH);
    assertKind(() -> MatmulPlan.gemm(new int[] {3}, new int[] {3, 3}, false, false), Kind.SHAPE_MISMATCH);
  }
}
