package io.chainstore.batch.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RfmScoresTest {

  private final RfmScores quintiles = new RfmScores(new double[] {80, 20, 60, 40});

  @Test
  void moreIsBetterScoresOnePerQuintileBoundaryPassed() {
    assertThat(quintiles.higherIsBetter(1)).isEqualTo(1);
    assertThat(quintiles.higherIsBetter(20)).isEqualTo(1);
    assertThat(quintiles.higherIsBetter(20.01)).isEqualTo(2);
    assertThat(quintiles.higherIsBetter(60)).isEqualTo(3);
    assertThat(quintiles.higherIsBetter(81)).isEqualTo(5);
  }

  @Test
  void fewerDaysIsBetterForRecency() {
    assertThat(quintiles.lowerIsBetter(0)).isEqualTo(5);
    assertThat(quintiles.lowerIsBetter(20)).isEqualTo(5);
    assertThat(quintiles.lowerIsBetter(21)).isEqualTo(4);
    assertThat(quintiles.lowerIsBetter(365)).isEqualTo(1);
  }

  @Test
  void tiedValuesShareAScore() {
    // Most members bought once: the first three boundaries are all 1.
    RfmScores frequency = new RfmScores(new double[] {1, 1, 1, 3});
    assertThat(frequency.higherIsBetter(1)).isEqualTo(1);
    assertThat(frequency.higherIsBetter(2)).isEqualTo(4);
    assertThat(frequency.higherIsBetter(3)).isEqualTo(4);
    assertThat(frequency.higherIsBetter(4)).isEqualTo(5);
  }

  @Test
  void needsFourBoundaries() {
    assertThatThrownBy(() -> new RfmScores(new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
