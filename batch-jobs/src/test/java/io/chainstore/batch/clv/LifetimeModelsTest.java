package io.chainstore.batch.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * The fits recover the parameters that simulated the histories of 10,000 members. Tolerance: 15 %
 * of each parameter, 20 % for BG/NBD's a and b, which the data fix only loosely (their ratio, the
 * mean dropout probability, within 15 %). Seen with these seeds: r 0.239, α 4.37, a 0.710, b 2.04
 * (true 0.243, 4.41, 0.793, 2.43); p 6.70, q 3.67, γ 14.0 (true 6.25, 3.74, 15.44).
 */
class LifetimeModelsTest {

  // The estimates of the CDNOW data set in the BG/NBD paper (weeks).
  private static final BgNbd TRUE_BG_NBD = new BgNbd(0.243, 4.414, 0.793, 2.426);
  // The estimates in the Gamma-Gamma note.
  private static final GammaGamma TRUE_GAMMA_GAMMA = new GammaGamma(6.25, 3.74, 15.44);

  @Test
  void bgNbdFitRecoversTheSimulatingParameters() {
    List<PurchaseHistory> histories = simulate(10_000, new Well19937c(42));
    BgNbd fitted = BgNbd.fit(histories);
    assertThat(fitted.r()).isCloseTo(TRUE_BG_NBD.r(), Percentage.withPercentage(15));
    assertThat(fitted.alpha()).isCloseTo(TRUE_BG_NBD.alpha(), Percentage.withPercentage(15));
    assertThat(fitted.a()).isCloseTo(TRUE_BG_NBD.a(), Percentage.withPercentage(20));
    assertThat(fitted.b()).isCloseTo(TRUE_BG_NBD.b(), Percentage.withPercentage(20));
    double dropout = fitted.a() / (fitted.a() + fitted.b());
    double trueDropout = TRUE_BG_NBD.a() / (TRUE_BG_NBD.a() + TRUE_BG_NBD.b());
    assertThat(dropout).isCloseTo(trueDropout, Percentage.withPercentage(15));
    // The fitted parameters explain the data at least as well as the true ones.
    assertThat(total(fitted, histories)).isGreaterThanOrEqualTo(total(TRUE_BG_NBD, histories));
  }

  @Test
  void gammaGammaFitRecoversTheSimulatingParameters() {
    List<PurchaseHistory> histories = simulateValues(10_000, new Well19937c(7));
    GammaGamma fitted = GammaGamma.fit(histories);
    // p and the ratio γ/(q−1) (the population's mean value per purchase ×1/p) are what the data
    // fix.
    assertThat(fitted.p()).isCloseTo(TRUE_GAMMA_GAMMA.p(), Percentage.withPercentage(15));
    assertThat(fitted.p() * fitted.gamma() / (fitted.q() - 1))
        .isCloseTo(
            TRUE_GAMMA_GAMMA.p() * TRUE_GAMMA_GAMMA.gamma() / (TRUE_GAMMA_GAMMA.q() - 1),
            Percentage.withPercentage(15));
  }

  @Test
  void expectedPurchasesFollowTheHistory() {
    PurchaseHistory loyal = new PurchaseHistory(10, 38, 39, 20);
    PurchaseHistory gone = new PurchaseHistory(10, 5, 39, 20);
    PurchaseHistory once = new PurchaseHistory(0, 0, 39, 0);
    double loyalNext = TRUE_BG_NBD.expectedPurchases(loyal, 52);
    assertThat(loyalNext).isGreaterThan(TRUE_BG_NBD.expectedPurchases(gone, 52));
    assertThat(TRUE_BG_NBD.expectedPurchases(gone, 52))
        .isGreaterThan(0)
        .isLessThan(TRUE_BG_NBD.expectedPurchases(loyal, 52));
    assertThat(TRUE_BG_NBD.expectedPurchases(once, 0)).isCloseTo(0, within(1e-12));
    // Over one more week a loyal member buys about at his own rate (10 in 38 weeks).
    assertThat(TRUE_BG_NBD.expectedPurchases(loyal, 1)).isBetween(0.1, 0.35);
  }

  @Test
  void expectedValueShrinksTowardsThePopulationMean() {
    double population =
        TRUE_GAMMA_GAMMA.p() * TRUE_GAMMA_GAMMA.gamma() / (TRUE_GAMMA_GAMMA.q() - 1);
    double oneBig = TRUE_GAMMA_GAMMA.expectedValue(new PurchaseHistory(1, 5, 10, 200));
    double manyBig = TRUE_GAMMA_GAMMA.expectedValue(new PurchaseHistory(20, 9, 10, 200));
    assertThat(oneBig).isBetween(population, 200.0);
    assertThat(manyBig).isBetween(oneBig, 200.0);
  }

  private static double total(BgNbd model, List<PurchaseHistory> histories) {
    return histories.stream().mapToDouble(model::logLikelihood).sum();
  }

  /** BG/NBD histories: each member watched 30 to 52 weeks after the first purchase. */
  static List<PurchaseHistory> simulate(int members, RandomGenerator random) {
    GammaDistribution rates =
        new GammaDistribution(random, TRUE_BG_NBD.r(), 1 / TRUE_BG_NBD.alpha());
    BetaDistribution dropouts = new BetaDistribution(random, TRUE_BG_NBD.a(), TRUE_BG_NBD.b());
    List<PurchaseHistory> histories = new ArrayList<>(members);
    for (int i = 0; i < members; i++) {
      double rate = rates.sample();
      double dropout = dropouts.sample();
      double observed = 30 + random.nextInt(23);
      ExponentialDistribution gaps = new ExponentialDistribution(random, 1 / rate);
      int repeats = 0;
      double last = 0;
      double next = gaps.sample();
      while (last + next < observed) {
        last += next;
        repeats++;
        if (random.nextDouble() < dropout) {
          break;
        }
        next = gaps.sample();
      }
      histories.add(new PurchaseHistory(repeats, last, observed, 0));
    }
    return histories;
  }

  /** Gamma-Gamma values: 1 to 10 repeat purchases per member. */
  static List<PurchaseHistory> simulateValues(int members, RandomGenerator random) {
    GammaDistribution scales =
        new GammaDistribution(random, TRUE_GAMMA_GAMMA.q(), 1 / TRUE_GAMMA_GAMMA.gamma());
    List<PurchaseHistory> histories = new ArrayList<>(members);
    for (int i = 0; i < members; i++) {
      double nu = scales.sample();
      GammaDistribution values = new GammaDistribution(random, TRUE_GAMMA_GAMMA.p(), 1 / nu);
      int repeats = 1 + random.nextInt(10);
      double sum = 0;
      for (int k = 0; k < repeats; k++) {
        sum += values.sample();
      }
      histories.add(new PurchaseHistory(repeats, 1, 2, sum / repeats));
    }
    return histories;
  }
}
