package io.citrate.consensus.internal.reachability;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A closed interval {@code [start, end]} of unsigned 64-bit integers, held in {@code long} bits. The
 * reachability tree gives every block an interval that contains the intervals of its tree descendants;
 * a block's own point is its {@code end}. The empty interval is {@code [start, start - 1]}, so it still
 * says where it sits.
 */
public final class Interval {
  /** Room for every block ever: {@code [1, 2^64 - 2]}, leaving both ends of the range as sentinels. */
  private static final Interval MAXIMAL = new Interval(1, -2L);
  /** Exponent of the heaviest weight in {@link #splitExponential}; the sum stays exact in a BigInteger. */
  private static final int MAX_WEIGHT_EXPONENT = 62;

  private final long start;
  private final long end;

  private Interval(long start, long end) {
    this.start = start;
    this.end = end;
  }

  /**
   * {@code [start, end]}, both read as unsigned; {@code end} may be {@code start - 1} for an empty interval.
   * So {@code [0, 2^64 - 1]} is the empty interval at 0: the full range has no representable size.
   *
   * @throws IllegalArgumentException if {@code end < start - 1} (unsigned)
   */
  public static Interval of(long start, long end) {
    if (Long.compareUnsigned(end, start) < 0 && end != start - 1) {
      throw new IllegalArgumentException(
          "interval end " + Long.toUnsignedString(end) + " is below start " + Long.toUnsignedString(start) + " - 1");
    }
    return new Interval(start, end);
  }

  /** The capacity of a fresh reachability tree. */
  public static Interval maximal() {
    return MAXIMAL;
  }

  public long start() {
    return start;
  }

  public long end() {
    return end;
  }

  /** Number of points, unsigned; 0 for an empty interval. */
  public long size() {
    return end + 1 - start;
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** Whether {@code other} lies within this interval; a block is its own chain ancestor. */
  public boolean contains(Interval other) {
    return Long.compareUnsigned(start, other.start) <= 0 && Long.compareUnsigned(other.end, end) <= 0;
  }

  /** Whether {@code other} lies within this interval without holding this interval's own point {@code end}. */
  public boolean strictlyContains(Interval other) {
    return Long.compareUnsigned(start, other.start) <= 0 && Long.compareUnsigned(other.end, end) < 0;
  }

  /** Shifted up by {@code offset}. */
  public Interval increase(long offset) {
    return new Interval(start + offset, end + offset);
  }

  /** Shifted down by {@code offset}. */
  public Interval decrease(long offset) {
    return new Interval(start - offset, end - offset);
  }

  public Interval increaseStart(long offset) {
    return new Interval(start + offset, end);
  }

  public Interval decreaseStart(long offset) {
    return new Interval(start - offset, end);
  }

  public Interval increaseEnd(long offset) {
    return new Interval(start, end + offset);
  }

  public Interval decreaseEnd(long offset) {
    return new Interval(start, end - offset);
  }

  /**
   * Splits into a left half of {@code ceil(size / 2)} points and a right half of the rest. A new tree
   * child takes the left half of its parent's remaining capacity, keeping the right half for later
   * siblings.
   */
  public Interval[] splitHalf() {
    long size = size();
    long leftSize = (size >>> 1) + (size & 1);
    return new Interval[] {new Interval(start, start + leftSize - 1), new Interval(start + leftSize, end)};
  }

  /**
   * Splits into consecutive intervals of exactly {@code sizes}, in order.
   *
   * @throws IllegalArgumentException if the sizes do not add up to this interval's size
   */
  public Interval[] splitExact(long[] sizes) {
    long sum = sumOf(sizes);
    if (sum != size()) {
      throw new IllegalArgumentException(
          "sizes add up to " + Long.toUnsignedString(sum) + ", not the interval size " + Long.toUnsignedString(size()));
    }
    Interval[] parts = new Interval[sizes.length];
    long next = start;
    for (int i = 0; i < sizes.length; i++) {
      parts[i] = new Interval(next, next + sizes[i] - 1);
      next += sizes[i];
    }
    return parts;
  }

  /**
   * Splits into consecutive intervals of at least {@code sizes}, handing out the surplus with exponential
   * bias towards the largest sizes: a part whose size is {@code d} below the largest gets a share weighted
   * {@code 2^-d}. Big subtrees are where the chain grows, so they get almost all the room. The weights are
   * exact integers (a difference beyond 62 weighs nothing) and each share rounds half up, so every node
   * computes the same split; the last part takes what rounding left over.
   *
   * @throws IllegalArgumentException if the sizes add up to more than this interval's size
   */
  public Interval[] splitExponential(long[] sizes) {
    long sum = sumOf(sizes);
    long size = size();
    if (Long.compareUnsigned(sum, size) > 0) {
      throw new IllegalArgumentException(
          "sizes add up to " + Long.toUnsignedString(sum) + ", more than the interval size " + Long.toUnsignedString(size));
    }
    if (sum == size) {
      return splitExact(sizes);
    }
    long largest = Arrays.stream(sizes).max().orElse(0);
    BigInteger[] weights = new BigInteger[sizes.length];
    BigInteger weightSum = BigInteger.ZERO;
    for (int i = 0; i < sizes.length; i++) {
      long belowLargest = largest - sizes[i];
      weights[i] = belowLargest > MAX_WEIGHT_EXPONENT ? BigInteger.ZERO : BigInteger.ONE.shiftLeft((int) (MAX_WEIGHT_EXPONENT - belowLargest));
      weightSum = weightSum.add(weights[i]);
    }
    BigInteger totalBias = new BigInteger(Long.toUnsignedString(size - sum));
    BigInteger twiceWeightSum = weightSum.shiftLeft(1);
    long remainingBias = size - sum;
    long[] biased = new long[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      long bias;
      if (i == sizes.length - 1) {
        bias = remainingBias;
      } else {
        // round(totalBias * weight / weightSum), half up, in exact integers.
        long share = totalBias.multiply(weights[i]).shiftLeft(1).add(weightSum).divide(twiceWeightSum).longValue();
        bias = Long.compareUnsigned(share, remainingBias) < 0 ? share : remainingBias;
      }
      biased[i] = sizes[i] + bias;
      remainingBias -= bias;
    }
    return splitExact(biased);
  }

  private static long sumOf(long[] sizes) {
    long sum = 0;
    for (long size : sizes) {
      if (size == 0) {
        throw new IllegalArgumentException("a part size is zero");
      }
      sum += size;
    }
    return sum;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Interval interval && start == interval.start && end == interval.end;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(start) * 31 + Long.hashCode(end);
  }

  @Override
  public String toString() {
    return "[" + Long.toUnsignedString(start) + ", " + Long.toUnsignedString(end) + "]";
  }
}
