package io.citrate.tensor.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citrate.tensor.api.TensorException;
import io.citrate.tensor.internal.kernel.Geometry;
import org.junit.jupiter.api.Test;

class BroadcastingTest {

  @Test
  void alignsFromTheRightAndStretchesOnes() {
    assertThat(Broadcasting.shape(new int[] {2, 1, 4}, new int[] {3, 1})).containsExactly(2, 3, 4);
    assertThat(Broadcasting.shape(new int[] {}, new int[] {5})).containsExactly(5);
    assertThat(Broadcasting.shape(new int[] {1}, new int[] {0})).containsExactly(0);
    assertThat(Broadcasting.shape(new int[] {2, 1}, new int[] {1, 3}, new int[] {3})).containsExactly(2, 3);
  }

  @Test
  void refusesUnequalDimensionsThatAreNotOne() {
    assertThatThrownBy(() -> Broadcasting.shape(new int[] {2, 3}, new int[] {4}))
        .isInstanceOf(TensorException.class)
        .extracting(e -> ((TensorException) e).kind()).isEqualTo(TensorException.Kind.SHAPE_MISMATCH);
  }

  @Test
  void repeatedDimensionsReadWithStrideZero() {
    Geometry.Broadcast geometry = Broadcasting.geometry(new int[] {2, 1, 4}, new int[] {3, 1});
    assertThat(geometry.dims()).containsExactly(2, 3, 4);
    assertThat(geometry.strides()[0]).containsExactly(4, 0, 1);
    assertThat(geometry.strides()[1]).containsExactly(0, 1, 0);
    assertThat(geometry.count()).isEqualTo(24);
  }

  @Test
  void broadcastsToDoesNotWidenTheTarget() {
    assertThat(Broadcasting.broadcastsTo(new int[] {1, 4}, new int[] {3, 4})).isTrue();
    assertThat(Broadcasting.broadcastsTo(new int[] {}, new int[] {3, 4})).isTrue();
    assertThat(Broadcasting.broadcastsTo(new int[] {3, 1}, new int[] {3, 4})).isTrue();
    assertThat(Broadcasting.broadcastsTo(new int[] {2, 4}, new int[] {3, 4})).isFalse();
    assertThat(Broadcasting.broadcastsTo(new int[] {1, 3, 4}, new int[] {3, 4})).isFalse();
  }
}
