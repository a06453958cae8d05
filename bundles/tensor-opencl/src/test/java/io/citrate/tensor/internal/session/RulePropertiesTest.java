package io.citrate.tensor.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.internal.kernel.Geometry;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The rule classes against brute-force definitions. */
class RulePropertiesTest {

  /** Floor mode: every window that lies wholly inside the padded input. */
  @Property
  void floorModeCountsTheWindowsInsideThePaddedInput(@ForAll @IntRange(min = 1, max = 12) int in,
      @ForAll @IntRange(min = 1, max = 4) int kernel, @ForAll @IntRange(min = 1, max = 3) int stride,
      @ForAll @IntRange(min = 1, max = 2) int dilation, @ForAll @IntRange(max = 2) int padBegin,
      @ForAll @IntRange(max = 2) int padEnd) {
    int extent = (kernel - 1) * dilation + 1;
    if (extent > in + padBegin + padEnd) {
      return;
    }
    int windows = 0;
    while (windows * stride + extent <= in + padBegin + padEnd) {
      windows++;
    }
    Window window = Window.resolve(in, kernel, stride, dilation, padBegin, padEnd, AutoPad.NOTSET, false);
    assertThat(window.out()).isEqualTo(windows);
  }

  /**
   * Ceil mode: every window that starts inside the padded input and leaves less than a stride uncovered at
   * its end, except those starting past the input and its begin padding. The rule drops at most one window,
   * which suffices for pads of at most half the kernel, the bound PyTorch and most exporters keep.
   */
  @Property
  void ceilModeKeepsWindowsThatStartInside(@ForAll @IntRange(min = 1, max = 12) int in,
      @ForAll @IntRange(min = 1, max = 6) int kernel, @ForAll @IntRange(min = 1, max = 3) int stride,
      @ForAll @IntRange(max = 3) int padBegin, @ForAll @IntRange(max = 3) int padEnd) {
    int padded = in + padBegin + padEnd;
    if (kernel > padded || padBegin > kernel / 2 || padEnd > kernel / 2) {
      return;
    }
    int windows = 0;
    for (int start = 0; start + kernel < padded + stride; start += stride) {
      if (start - padBegin < in) {
        windows++;
      }
    }
    Window window = Window.resolve(in, kernel, stride, 1, padBegin, padEnd, AutoPad.NOTSET, true);
    assertThat(window.out()).isEqualTo(windows);
  }

  /** SAME: the output is ceil(in / stride) and every window, padding included, fits. */
  @Property
  void samePaddingCoversTheInput(@ForAll @IntRange(min = 1, max = 12) int in,
      @ForAll @IntRange(min = 1, max = 5) int kernel, @ForAll @IntRange(min = 1, max = 3) int stride,
      @ForAll @IntRange(min = 1, max = 2) int dilation) {
    Window upper = Window.resolve(in, kernel, stride, dilation, 0, 0, AutoPad.SAME_UPPER, false);
    Window lower = Window.resolve(in, kernel, stride, dilation, 0, 0, AutoPad.SAME_LOWER, false);
    assertThat(upper.out()).isEqualTo((in + stride - 1) / stride).isEqualTo(lower.out());
    int extent = (kernel - 1) * dilation + 1;
    assertThat((upper.out() - 1) * stride + extent).isLessThanOrEqualTo(in + upper.padBegin() + upper.padEnd());
    assertThat(upper.padEnd() - upper.padBegin()).isBetween(0, 1);
    assertThat(lower.padBegin() - lower.padEnd()).isBetween(0, 1);
  }

  /** A reduction through its plan (transposed copy, then rows) sums what a direct loop sums. */
  @Property
  void reductionPlansSumTheRightElements(@ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 3) Integer> shape,
      @ForAll @Size(max = 4) List<@IntRange(max = 3) Integer> axisPicks, @ForAll boolean keepDims) {
    int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
    List<Integer> axes = new ArrayList<>();
    for (int pick : axisPicks) {
      int axis = pick % dims.length;
      if (!axes.contains(axis)) {
        axes.add(axis);
      }
    }
    int[] axisArray = axes.stream().mapToInt(Integer::intValue).toArray();
    int count = Dims.product(dims);
    int[] values = new int[count];
    for (int k = 0; k < count; k++) {
      values[k] = k * 7 + 1;
    }

    ReductionPlan plan = ReductionPlan.of(dims, axisArray, keepDims);
    int[] source = plan.permutation() == null ? values : copy(values, Dims.transposeCopy(dims, plan.permutation()));
    Geometry.Rows rows = plan.rows();
    int[] planned = new int[rows.outer() * rows.inner()];
    for (int o = 0; o < rows.outer(); o++) {
      for (int l = 0; l < rows.length(); l++) {
        for (int n = 0; n < rows.inner(); n++) {
          planned[o * rows.inner() + n] += source[(o * rows.length() + l) * rows.inner() + n];
        }
      }
    }

    boolean[] reduced = new boolean[dims.length];
    for (int axis : axisArray.length == 0 ? allAxes(dims.length) : axisArray) {
      reduced[axis] = true;
    }
    int[] kept = new int[dims.length];
    for (int d = 0; d < dims.length; d++) {
      kept[d] = reduced[d] ? 1 : dims[d];
    }
    int[] keptStrides = Dims.contiguousStrides(kept);
    int[] expected = new int[Dims.product(kept)];
    int[] index = new int[dims.length];
    for (int k = 0; k < count; k++) {
      int target = 0;
      for (int d = 0; d < dims.length; d++) {
        target += reduced[d] ? 0 : index[d] * keptStrides[d];
      }
      expected[target] += values[k];
      for (int d = dims.length - 1; d >= 0 && ++index[d] == dims[d]; d--) {
        index[d] = 0;
      }
    }
    assertThat(planned).containsExactly(expected);
    assertThat(Dims.product(plan.outDims())).isEqualTo(expected.length);
  }

  private static int[] allAxes(int rank) {
    int[] axes = new int[rank];
    for (int d = 0; d < rank; d++) {
      axes[d] = d;
    }
    return axes;
  }

  /** The strided copy as the kernels define it. */
  private static int[] copy(int[] in, Geometry.Copy copy) {
    int[] dims = copy.dims();
    int[] out = new int[Dims.product(dims)];
    int[] index = new int[dims.length];
    for (int k = 0; k < out.length; k++) {
      int from = copy.inOffset();
      int to = copy.outOffset();
      for (int d = 0; d < dims.length; d++) {
        from += index[d] * copy.inStrides()[d];
        to += index[d] * copy.outStrides()[d];
      }
      out[to] = in[from];
      for (int d = dims.length - 1; d >= 0 && ++index[d] == dims[d]; d--) {
        index[d] = 0;
      }
    }
    return out;
  }
}
