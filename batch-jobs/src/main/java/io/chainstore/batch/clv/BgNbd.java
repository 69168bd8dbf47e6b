package io.chainstore.batch.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.io.Serializable;
import java.util.List;

/**
 * The BG/NBD model (Fader, Hardie and Lee, "Counting your customers the easy way", 2005): while
 * active a member buys at a Poisson rate λ, Gamma(r, α) across members; after each purchase he
 * leaves for good with probability p, Beta(a, b) across members. Fitted by maximum likelihood on
 * the members' histories ({@link #fit}); {@link #expectedPurchases} gives a member's expected
 * purchases in the coming weeks from his own history.
 */
public record BgNbd(double r, double alpha, double a, double b) implements Serializable {

  /** The parameters that make the histories most likely (Nelder–Mead over their logarithms). */
  public static BgNbd fit(List<PurchaseHistory> histories) {
    return MaximumLikelihood.fit(histories, 4, BgNbd::fromLogs, BgNbd::logLikelihood);
  }

  private static BgNbd fromLogs(double[] logs) {
    return new BgNbd(Math.exp(logs[0]), Math.exp(logs[1]), Math.exp(logs[2]), Math.exp(logs[3]));
  }

  /** The log-likelihood of one member's history under these parameters. */
  public double logLikelihood(PurchaseHistory h) {
    int x = h.repeats();
    double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
    double a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
    double a3 = -(r + x) * Math.log(alpha + h.observedFor());
    if (x == 0) {
      return a1 + a2 + a3;
    }
    double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + h.lastAt());
    double max = Math.max(a3, a4);
    return a1 + a2 + max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
  }

  /** The expected number of purchases in the {@code weeks} after the end of {@code h}. */
  public double expectedPurchases(PurchaseHistory h, double weeks) {
    int x = h.repeats();
    double big = alpha + h.observedFor();
    double z = weeks / (big + weeks);
    double bracket =
        1
            - Math.pow(big / (big + weeks), r + x)
                * Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
    double alive = 1 + (x > 0 ? a / (b + x - 1) * Math.pow(big / (alpha + h.lastAt()), r + x) : 0);
    return (a + b + x - 1) / (a - 1) * bracket / alive;
  }
}
