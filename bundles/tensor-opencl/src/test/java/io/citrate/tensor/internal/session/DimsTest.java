package io.citrate.tensor.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.api.TensorException.Kind;
import io.citrate.tensor.internal.kernel.Geometry;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DimsTest {

  @Test
  void contiguousStridesAreRowMajor() {
    assertThat(Dims.contiguousStrides(new int[] {2, 3, 4})).containsExactly(12, 4, 1);
    assertThat(Dims.contiguousStrides(new int[] {})).isEmpty();
  }

  @Test
  void negativeAxesCountFromTheEnd() {
    assertThat(Dims.axis(-1, 3)).isEqualTo(2);
    assertThat(Dims.axis(0, 3)).isZero();
    assertKind(() -> Dims.axis(3, 3), Kind.INVALID_ARGUMENT);
    assertKind(() -> Dims.axis(-4, 3), Kind.INVALID_ARGUMENT);
    assertKind(() -> Dims.distinctAxes(new int[] {1, -2}, 3), Kind.INVALID_ARGUMENT);
  }

  @Test
  void reshapeInfersOneDimension() {
    assertThat(Dims.reshape(new int[] {2, 3, 4}, new int[] {-1, 4})).containsExactly(6, 4);
    assertThat(Dims.reshape(new int[] {2, 3, 4}, new int[] {24})).containsExactly(24);
    assertThat(Dims.reshape(new int[] {}, new int[] {1, 1})).containsExactly(1, 1);
    assertKind(() -> Dims.reshape(new int[] {2, 3}, new int[] {4, -1}), Kind.SHAPE_MISMATCH);
    assertKind(() -> Dims.reshape(new int[] {2, 3}, new int[] {-1, -1}), Kind.INVALID_ARGUMENT);
    assertKind(() -> Dims.reshape(new int[] {2, 3}, new int[] {-2, -3}), Kind.INVALID_ARGUMENT);
    assertKind(() -> Dims.reshape(new int[] {2, 3}, new int[] {5}), Kind.SHAPE_MISMATCH);
  }

  @Test
  void emptyPermutationReverses() {
    assertThat(Dims.permutation(new int[0], 3)).containsExactly(2, 1, 0);
    assertThat(Dims.permutation(new int[] {1, 0, 2}, 3)).containsExactly(1, 0, 2);
    assertKind(() -> Dims.permutation(new int[] {0, 0, 1}, 3), Kind.INVALID_ARGUMENT);
    assertKind(() -> Dims.permutation(new int[] {0, 1}, 3), Kind.INVALID_ARGUMENT);
    assertKind(() -> Dims.permutation(new int[] {0, 1, 3}, 3), Kind.INVALID_ARGUMENT);
  }

  @Test
  void transposeReadsThroughPermutedStrides() {
    Geometry.Copy copy = Dims.transposeCopy(new int[] {2, 3, 4}, new int[] {2, 0, 1});
    assertThat(copy.dims()).containsExactly(4, 2, 3);
    assertThat(copy.inStrides()).containsExactly(1, 12, 4);
    assertThat(copy.outStrides()).containsExactly(6, 3, 1);
  }

  static void assertKind(ThrowingCallable call, Kind kind) {
    assertThatThrownBy(call).isInstanceOf(TensorException.class)
        .extracting(e -> ((TensorException) e).kind()).isEqualTo(kind);
  }
}
