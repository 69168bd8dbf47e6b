package io.chainstore.batch.clv;

import static org.apache.commons.math3.special.Gamma.logGamma;

import java.io.Serializable;
import java.util.List;

/**
 * The Gamma-Gamma model of purchase values (Fader, Hardie and Lee, "RFM and CLV", 2005): a member's
 * purchases vary around his own mean value, Gamma(p, ν) distributed, and ν is Gamma(q, γ) across
 * members. Fitted on the members with repeat purchases; {@link #expectedValue} shrinks a member's
 * average towards the population's, the more so the fewer purchases it rests on.
 */
public record GammaGamma(double p, double q, double gamma) implements Serializable {

  /** The parameters that make the members' average repeat values most likely. */
  public static GammaGamma fit(List<PurchaseHistory> histories) {
    List<PurchaseHistory> repeaters =
        histories.stream().filter(h -> h.repeats() > 0 && h.averageRepeatValue() > 0).toList();
    return MaximumLikelihood.fit(repeaters, 3, GammaGamma::fromLogs, GammaGamma::logLikelihood);
  }

  private static GammaGamma fromLogs(double[] logs) {
    return new GammaGamma(Math.exp(logs[0]), Math.exp(logs[1]), Math.exp(logs[2]));
  }

  /** The log-likelihood of a repeat buyer's average value. */
  public double logLikelihood(PurchaseHistory h) {
    int x = h.repeats();
    double m = h.averageRepeatValue();
    double px = p * x;
    return logGamma(px + q)
        - logGamma(px)
        - logGamma(q)
        + q * Math.log(gamma)
        + (px - 1) * Math.log(m)
        + px * Math.log(x)
        - (px + q) * Math.log(x * m + gamma);
  }

  /** The expected value of the member's future purchases. */
  public double expectedValue(PurchaseHistory h) {
    int x = h.repeats();
    return p * (gamma + x * h.averageRepeatValue()) / (p * x + q - 1);
  }
}
