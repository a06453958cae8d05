package io.citrate.consensus.internal.reachability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IntervalTest {

  @Test
  void sizeCountsBothEndsAndTheEmptyIntervalHasNone() {
    assertThat(Interval.of(1, 1).size()).isEqualTo(1);
    assertThat(Interval.of(5, 14).size()).isEqualTo(10);
    assertThat(Interval.of(5, 4).isEmpty()).isTrue();
    assertThat(Interval.of(0, -1L).isEmpty()).isTrue();
    assertThat(Long.toUnsignedString(Interval.maximal().size())).isEqualTo("18446744073709551614");
  }

  @Test
  void refusesAnEndBelowStartMinusOne() {
    assertThatThrownBy(() -> Interval.of(5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval end 3 is below start 5");
  }

  @Test
  void containmentIsUnsignedAndStrictContainmentExcludesTheOwnPoint() {
    Interval high = Interval.of(-100L, -2L);
    assertThat(Interval.maximal().contains(high)).isTrue();
    assertThat(high.contains(Interval.of(1, 2))).isFalse();
    assertThat(high.strictlyContains(high)).isFalse();
    assertThat(high.contains(high)).isTrue();
    assertThat(high.strictlyContains(Interval.of(-100L, -3L))).isTrue();
  }

  @Test
  void splitHalfGivesTheLeftTheRoundedUpHalf() {
    Interval[] halves = Interval.of(1, 5).splitHalf();
    assertThat(halves).containsExactly(Interval.of(1, 3), Interval.of(4, 5));
    Interval[] maximalHalves = Interval.maximal().splitHalf();
    assertThat(maximalHalves[0].size()).isEqualTo(maximalHalves[1].size());
    assertThat(Interval.of(3, 3).splitHalf()).containsExactly(Interval.of(3, 3), Interval.of(4, 3));
  }

  @Test
  void splitExactCutsConsecutiveParts() {
    assertThat(Interval.of(10, 19).splitExact(new long[] {3, 5, 2}))
        .containsExactly(Interval.of(10, 12), Interval.of(13, 17), Interval.of(18, 19));
    assertThatThrownBy(() -> Interval.of(10, 19).splitExact(new long[] {3, 5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the interval size 10");
  }

  @Test
  void splitExponentialFavoursTheLargestSubtree() {
    Interval[] parts = Interval.of(1, 1000).splitExponential(new long[] {10, 20, 5});
    assertThat(parts[1].size()).isGreaterThan(950);
    assertThat(parts[0].size()).isGreaterThanOrEqualTo(10);
    assertThat(parts[2].size()).isGreaterThanOrEqualTo(5);
    assertThatThrownBy(() -> Interval.of(1, 10).splitExponential(new long[] {6, 5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than the interval size 10");
  }

  @Test
  void splitExponentialOfTheMaximalIntervalIsExact() {
    Interval[] parts = Interval.maximal().splitExponential(new long[] {1, 1, 70, 3});
    assertThat(parts[0].start()).isEqualTo(1);
    assertThat(parts[3].end()).isEqualTo(-2L);
    assertThat(parts[2].size()).isNegative(); // above 2^63 as unsigned: nearly everything
  }

  @Property(tries = 300)
  void splitExponentialCoversTheIntervalWithPartsAtLeastTheSizes(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long start,
      @ForAll @Size(min = 1, max = 12) long[] rawSizes,
      @ForAll @LongRange(min = 0, max = 1L << 40) long surplus) {
    long[] sizes = Arrays.stream(rawSizes).map(size -> 1 + Math.floorMod(size, 1000)).toArray();
    long total = Arrays.stream(sizes).sum() + surplus;
    Interval interval = Interval.of(start, start + total - 1);
    Interval[] parts = interval.splitExponential(sizes);
    assertThat(parts[0].start()).isEqualTo(interval.start());
    assertThat(parts[parts.length - 1].end()).isEqualTo(interval.end());
    for (int i = 0; i < parts.length; i++) {
      assertThat(parts[i].size()).isGreaterThanOrEqualTo(sizes[i]);
      if (i > 0) {
        assertThat(parts[i].start()).isEqualTo(parts[i - 1].end() + 1);
      }
    }
  }
}
