package io.chainstore.demo.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CentsTest {

  @Test
  void writesNumericText() {
    assertThat(Cents.text(1234)).isEqualTo("12.34");
    assertThat(Cents.text(5)).isEqualTo("0.05");
    assertThat(Cents.text(-5)).isEqualTo("-0.05");
    assertThat(Cents.text(100)).isEqualTo("1.00");
  }

  @Test
  void sharesSpreadTheTotalHalfUpAndTheLastLineTakesTheRest() {
    long[] amounts = {1000, 1000, 1000};
    // 25.00 over three equal lines: 8.33 (8.333 rounds down), 8.33, the rest 8.34
    assertThat(Cents.share(2500, 3000, amounts, 0)).isEqualTo(833);
    assertThat(Cents.share(2500, 3000, amounts, 1)).isEqualTo(833);
    assertThat(Cents.share(2500, 3000, amounts, 2)).isEqualTo(834);
    // 0.5 cent rounds up: 1.00 of 2.00 from lines 1.00 and 1.00 -> 0.50 each, exact
    assertThat(Cents.share(101, 200, new long[] {100, 100}, 0)).isEqualTo(51);
    assertThat(Cents.share(101, 200, new long[] {100, 100}, 1)).isEqualTo(50);
  }
}
