package io.citrate.tensor.internal.java;

/**
 * The error function in double precision, which {@link Math} lacks. Below {@link #SERIES_LIMIT} it sums the
 * series {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum_n (2x^2)^n x / (1 3 5 ... (2n+1))}, whose terms are all
 * positive (no cancellation); above it evaluates Laplace's continued fraction for erfc. Both are accurate to a
 * few units in the last place, far inside float32's precision.
 */
final class ErrorFunction {
  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
  private static final double ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
  private static final double SERIES_LIMIT = 2.5;
  /** Past this erfc(x) is below half an ulp of 1, so erf(x) rounds to 1. */
  private static final double ERF_SATURATES = 6;
  /** Past this erfc(x) underflows to 0. */
  private static final double ERFC_UNDERFLOWS = 27.3;
  /** Depth of the continued fraction: enough for full double precision at x = SERIES_LIMIT. */
  private static final int FRACTION_TERMS = 120;

  private ErrorFunction() {}

  static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double magnitude = Math.abs(x);
    if (magnitude < SERIES_LIMIT) {
      return series(x);
    }
    if (magnitude >= ERF_SATURATES) {
      return Math.copySign(1, x);
    }
    return Math.copySign(1 - continuedFraction(magnitude), x);
  }

  /** {@code 1 - erf(x)} without the cancellation that subtraction would bring for large x. */
  static double erfc(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    if (x < 0) {
      return 2 - erfc(-x);
    }
    if (x < SERIES_LIMIT) {
      return 1 - series(x);
    }
    if (x >= ERFC_UNDERFLOWS) {
      return 0;
    }
    return continuedFraction(x);
  }

  private static double series(double x) {
    double twoXSquared = 2 * x * x;
    double term = x;
    double sum = x;
    for (int n = 0; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= twoXSquared / (2 * n + 3);
      sum += term;
    }
    return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
  }

  /** erfc(x) for x >= SERIES_LIMIT: exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))). */
  private static double continuedFraction(double x) {
    double denominator = x;
    for (int n = FRACTION_TERMS; n >= 1; n--) {
      denominator = x + (n / 2.0) / denominator;
    }
    return ONE_OVER_SQRT_PI * Math.exp(-x * x) / denominator;
  }
}
