package io.citrate.tensor.internal.session;

import static io.citrate.tensor.internal.session.DimsTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import org.junit.jupiter.api.Test;

class ReductionPlanTest {

  @Test
  void adjacentAxesAreReadInPlace() {
    ReductionPlan plan = ReductionPlan.of(new int[] {2, 3, 4, 5}, new int[] {2, 1}, false);
    assertThat(plan.permutation()).isNull();
    assertThat(plan.rows()).isEqualTo(new Geometry.Rows(2, 12, 5));
    assertThat(plan.outDims()).containsExactly(2, 5);
  }

  @Test
  void scatteredAxesAreMovedLast() {
    ReductionPlan plan = ReductionPlan.of(new int[] {2, 3, 4, 5}, new int[] {0, -1}, true);
    assertThat(plan.permutation()).containsExactly(1, 2, 0, 3);
    assertThat(plan.rows()).isEqualTo(new Geometry.Rows(12, 10, 1));
    assertThat(plan.outDims()).containsExactly(1, 3, 4, 1);
  }

  @Test
  void noAxesMeansAll() {
    ReductionPlan plan = ReductionPlan.of(new int[] {2, 3}, new int[0], false);
    assertThat(plan.permutation()).isNull();
    assertThat(plan.rows()).isEqualTo(new Geometry.Rows(1, 6, 1));
    assertThat(plan.outDims()).isEmpty();
    assertThat(ReductionPlan.of(new int[] {2, 3}, new int[0], true).outDims()).containsExactly(1, 1);
    assertThat(ReductionPlan.of(new int[0], new int[0], false).rows()).isEqualTo(new Geometry.Rows(1, 1, 1));
  }

  @Test
  void refusesRepeatedOrOutOfRangeAxes() {
    assertKind(() -> ReductionPlan.of(new int[] {2, 3}, new int[] {1, 1}, false), Kind.INVALID_ARGUMENT);
    assertKind(() -> ReductionPlan.of(new int[] {2, 3}, new int[] {2}, false), Kind.INVALID_ARGUMENT);
  }
}
