package io.chainstore.streaming.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplenishmentRulesTest {

  private final ReplenishmentRules rules = ReplenishmentRules.defaults();

  @Test
  void reorderPointIsLeadTimeDemandPlusSafetyRoundedUp() {
    // 1.25/day x 2 days + 2 = 4.5 -> 5
    assertThat(rules.reorderPoint(1.25)).isEqualTo(5);
    assertThat(rules.reorderPoint(0)).isEqualTo(2);
    // up to 1.25 x 9 + 2 = 13.25 -> 14
    assertThat(rules.targetLevel(1.25)).isEqualTo(14);
  }

  @Test
  void aStoreNeedsUnitsOnlyUnderItsReorderPointAndThenUpToItsTarget() {
    assertThat(rules.need(5, 1.25)).isZero();
    assertThat(rules.need(4, 1.25)).isEqualTo(10);
    assertThat(rules.need(0, 0)).isEqualTo(2);
  }

  @Test
  void aDonorStoreKeepsItsOwnTargetAndWhatItPromisedAWarehouseItsKeep() {
    assertThat(rules.spare(false, 20, 0, 1.25)).isEqualTo(6);
    assertThat(rules.spare(false, 20, 4, 1.25)).isEqualTo(2);
    assertThat(rules.spare(false, 10, 0, 1.25)).isZero();
    assertThat(rules.spare(true, 10, 3, 0)).isEqualTo(7);
  }

  @Test
  void velocityConvergesToASteadyRateAndDecaysWhenSalesStop() {
    double meanAge = 7;
    long day = 86_400_000L;
    Velocity v = Velocity.NONE;
    for (int d = 0; d < 200; d++) {
      v = v.plus(3, d * day, meanAge);
    }
    assertThat(v.at(200 * day, meanAge)).isCloseTo(3.0, within(0.3));
    double later = v.at(207 * day, meanAge);
    assertThat(later).isCloseTo(v.at(200 * day, meanAge) / Math.E, within(0.001));
    // A sale reported late does not rewind time.
    assertThat(v.plus(1, 0, meanAge).atMillis()).isEqualTo(v.atMillis());
  }

  @Test
  void theNearestDonorThatCanSpareAllOfItGives() {
    var choice =
        DonorChoice.choose(
            5,
            List.of(
                new DonorChoice.Candidate(7, 2.0, 3),
                new DonorChoice.Candidate(9, 40.0, 50),
                new DonorChoice.Candidate(8, 12.0, 5)));
    assertThat(choice).contains(new DonorChoice.Choice(8, 5));
  }

  @Test
  void withoutAWholeDonorTheOneWithMostSpareGivesWhatItCanAndNobodyGivesBeyondSpare() {
    assertThat(
            DonorChoice.choose(
                10,
                List.of(
                    new DonorChoice.Candidate(7, 2.0, 3),
                    new DonorChoice.Candidate(8, 9.0, 4),
                    new DonorChoice.Candidate(9, 1.0, 0))))
        .contains(new DonorChoice.Choice(8, 4));
    assertThat(DonorChoice.choose(3, List.of(new DonorChoice.Candidate(7, 1.0, 0)))).isEmpty();
  }

  @Test
  void distanceIsGreatCircleAndUnknownPlacesAreFarthest() {
    Place berlin = new Place(1, false, 52.52, 13.405);
    Place hamburg = new Place(2, false, 53.551, 9.993);
    assertThat(berlin.kmTo(hamburg)).isCloseTo(255, within(5.0));
    assertThat(berlin.kmTo(new Place(3, true, null, null))).isInfinite();
  }
}
