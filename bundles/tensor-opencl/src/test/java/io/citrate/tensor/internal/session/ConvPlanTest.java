package io.citrate.tensor.internal.session;

import static io.citrate.tensor.internal.session.DimsTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.ConvOptions;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import org.junit.jupiter.api.Test;

class ConvPlanTest {

  @Test
  void defaultsAreStrideOneNoPadding() {
    ConvPlan plan = ConvPlan.of(new int[] {1, 3, 5, 5}, new int[] {8, 3, 3, 3}, ConvOptions.DEFAULT);
    assertThat(plan.outDims()).containsExactly(1, 8, 3, 3);
    assertThat(plan.multiplyAccumulates()).isEqualTo(8L * 3 * 3 * 3 * 3 * 3);
  }

  @Test
  void explicitPadsStridesDilationsAndGroups() {
    ConvOptions options = new ConvOptions(new int[] {2, 1}, new int[] {1, 0, 1, 2}, new int[] {1, 2}, 2,
        AutoPad.NOTSET);
    ConvPlan plan = ConvPlan.of(new int[] {2, 4, 7, 6}, new int[] {6, 2, 3, 2}, options);
    Geometry.Conv g = plan.geometry();
    // height: (7 + 2 - 3) / 2 + 1 = 4; width: (6 + 2 - 3) / 1 + 1 = 6
    assertThat(plan.outDims()).containsExactly(2, 6, 4, 6);
    assertThat(new int[] {g.padTop(), g.padLeft(), g.strideHeight(), g.dilationWidth(), g.groups()})
        .containsExactly(1, 0, 2, 2, 2);
    assertThat(plan.multiplyAccumulates()).isEqualTo(2L * 6 * 4 * 6 * 2 * 3 * 2);
  }

  @Test
  void autoPadSameKeepsTheSize() {
    ConvOptions same = new ConvOptions(new int[0], new int[0], new int[0], 1, AutoPad.SAME_LOWER);
    ConvPlan plan = ConvPlan.of(new int[] {1, 1, 4, 4}, new int[] {1, 1, 2, 2}, same);
    assertThat(plan.outDims()).containsExactly(1, 1, 4, 4);
    assertThat(plan.geometry().padTop()).isEqualTo(1);
  }

  @Test
  void refusesChannelsThatDoNotFitTheGroups() {
    assertKind(() -> ConvPlan.of(new int[] {1, 4, 5, 5}, new int[] {6, 4, 3, 3},
        new ConvOptions(new int[0], new int[0], new int[0], 2, AutoPad.NOTSET)), Kind.SHAPE_MISMATCH);
    assertKind(() -> ConvPlan.of(new int[] {1, 3, 5, 5}, new int[] {8, 2, 3, 3}, ConvOptions.DEFAULT),
        Kind.SHAPE_MISMATCH);
    assertKind(() -> ConvPlan.of(new int[] {1, 3, 5}, new int[] {8, 3, 3, 3}, ConvOptions.DEFAULT),
        Kind.SHAPE_MISMATCH);
  }

  @Test
  void refusesBadAttributes() {
    assertKind(() -> ConvPlan.of(new int[] {1, 1, 5, 5}, new int[] {1, 1, 3, 3},
        new ConvOptions(new int[] {1}, new int[0], new int[0], 1, AutoPad.NOTSET)), Kind.INVALID_ARGUMENT);
    assertKind(() -> ConvPlan.of(new int[] {1, 1, 5, 5}, new int[] {1, 1, 3, 3},
        new ConvOptions(new int[0], new int[] {1, 1, 1, 1}, new int[0], 1, AutoPad.SAME_UPPER)),
        Kind.INVALID_ARGUMENT);
    assertKind(() -> ConvPlan.of(new int[] {1, 1, 5, 5}, new int[] {1, 1, 3, 3},
        new ConvOptions(new int[0], new int[0], new int[0], 0, AutoPad.NOTSET)), Kind.INVALID_ARGUMENT);
    assertKind(() -> ConvPlan.of(new int[] {1, 1, 5, 5}, new int[] {1, 1, 3, 3},
        new ConvOptions(new int[0], new int[0], new int[0], 1, null)), Kind.INVALID_ARGUMENT);
  }
}
