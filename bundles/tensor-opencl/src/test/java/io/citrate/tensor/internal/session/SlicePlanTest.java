package io.citrate.tensor.internal.session;

import static io.citrate.tensor.internal.session.DimsTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import org.junit.jupiter.api.Test;

class SlicePlanTest {
  private static final int[] NONE = new int[0];

  @Test
  void slicesWithDefaultAxesAndSteps() {
    SlicePlan plan = SlicePlan.of(new int[] {4, 5}, new int[] {1, 2}, new int[] {3, 5}, NONE, NONE);
    assertThat(plan.outDims()).containsExactly(2, 3);
    Geometry.Copy copy = plan.copy();
    assertThat(copy.inOffset()).isEqualTo(1 * 5 + 2);
    assertThat(copy.inStrides()).containsExactly(5, 1);
    assertThat(copy.outStrides()).containsExactly(3, 1);
  }

  @Test
  void clampsOutOfRangeStartsAndEnds() {
    SlicePlan plan = SlicePlan.of(new int[] {4, 5}, new int[] {-100}, new int[] {Integer.MAX_VALUE},
        new int[] {-1}, NONE);
    assertThat(plan.outDims()).containsExactly(4, 5);
    assertThat(SlicePlan.of(new int[] {4}, new int[] {10}, new int[] {20}, NONE, NONE).outDims()).containsExactly(0);
    assertThat(SlicePlan.of(new int[] {6}, new int[] {-2}, new int[] {-1}, NONE, NONE).outDims()).containsExactly(1);
    assertThat(SlicePlan.of(new int[] {6}, new int[] {1}, new int[] {6}, NONE, new int[] {2}).outDims())
        .containsExactly(3);
  }

  @Test
  void negativeStepsWalkBackwards() {
    SlicePlan reversed = SlicePlan.of(new int[] {3, 4}, new int[] {-1}, new int[] {Integer.MIN_VALUE},
        new int[] {1}, new int[] {-1});
    assertThat(reversed.outDims()).containsExactly(3, 4);
    assertThat(reversed.copy().inOffset()).isEqualTo(3);
    assertThat(reversed.copy().inStrides()).containsExactly(4, -1);

    SlicePlan everyOther = SlicePlan.of(new int[] {7}, new int[] {100}, new int[] {0}, NONE, new int[] {-2});
    assertThat(everyOther.outDims()).containsExactly(3);
    assertThat(everyOther.copy().inOffset()).isEqualTo(6);
    assertThat(everyOther.copy().inStrides()).containsExactly(-2);
    assertThat(SlicePlan.of(new int[] {0}, new int[] {-1}, new int[] {Integer.MIN_VALUE}, NONE, new int[] {-1})
        .outDims()).containsExactly(0);
  }

  @Test
  void refusesZeroStepsRepeatedAxesAndUnequalLengths() {
    assertKind(() -> SlicePlan.of(new int[] {4}, new int[] {0}, new int[] {4}, NONE, new int[] {0}),
        Kind.INVALID_ARGUMENT);
    assertKind(() -> SlicePlan.of(new int[] {4, 4}, new int[] {0, 0}, new int[] {1, 1}, new int[] {0, -2}, NONE),
        Kind.INVALID_ARGUMENT);
    assertKind(() -> SlicePlan.of(new int[] {4}, new int[] {0}, new int[] {1, 2}, NONE, NONE),
        Kind.INVALID_ARGUMENT);
    assertKind(() -> SlicePlan.of(new int[] {4}, new int[] {0}, new int[] {1}, new int[] {1}, NONE),
        Kind.INVALID_ARGUMENT);
  }
}
