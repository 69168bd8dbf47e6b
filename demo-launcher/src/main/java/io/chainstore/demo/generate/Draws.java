package io.chainstore.demo.generate;

import java.util.SplittableRandom;

/** The distributions the generated chain is drawn from. */
final class Draws {

  private Draws() {}

  /** Gamma(shape, 1) (Marsaglia and Tsang; shape below 1 by the boost of Stuart). */
  static double gamma(SplittableRandom r, double shape) {
    if (shape < 1) {
      return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = normal(r);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = r.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  static double beta(SplittableRandom r, double a, double b) {
    double x = gamma(r, a);
    return x / (x + gamma(r, b));
  }

  static double normal(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  static double exponential(SplittableRandom r, double rate) {
    return -Math.log(1 - r.nextDouble()) / rate;
  }

  /** Poisson(mean) by multiplication of uniforms: for the small means used here. */
  static int poisson(SplittableRandom r, double mean) {
    double limit = Math.exp(-mean);
    double p = r.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= r.nextDouble();
      k++;
    }
    return k;
  }

  /** Cumulative weights, for {@link #pick}. */
  static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }

  /** An index drawn with the weights behind {@code cumulative}, among its first {@code n}. */
  static int pick(SplittableRandom r, double[] cumulative, int n) {
    double x = r.nextDouble() * cumulative[n - 1];
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static int pick(SplittableRandom r, double[] cumulative) {
    return pick(r, cumulative, cumulative.length);
  }
}
