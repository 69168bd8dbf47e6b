package io.chainstore.batch.clv;

/** The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, by its power series. */
final class Hypergeometric {

  private Hypergeometric() {}

  static double f21(double a, double b, double c, double z) {
    if (z < 0 || z >= 1) {
      throw new IllegalArgumentException("z must be in [0, 1): " + z);
    }
    double term = 1;
    double sum = 1;
    for (int k = 0; k < 100_000; k++) {
      term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
      sum += term;
      if (Math.abs(term) < 1e-14 * Math.abs(sum)) {
        return sum;
      }
    }
    throw new ArithmeticException("2F1 series did not converge at z = " + z);
  }
}
