package io.chainstore.oltp.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommissionMathTest {

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void sharesSpreadTheDiscountsAndAddUpToTheTotal() {
    // 30.00 + 70.00 with 10.00 off: 27.00 and 63.00.
    assertThat(CommissionMath.paidShares(List.of(d("30.00"), d("70.00")), d("100.00"), d("90.00")))
        .containsExactly(d("27.00"), d("63.00"));
    // Three equal lines of 10.00 paid 20.00: 6.67 (6.666…), 6.67, and the last takes 6.66.
    List<BigDecimal> shares =
        CommissionMath.paidShares(
            List.of(d("10.00"), d("10.00"), d("10.00")), d("30.00"), d("20.00"));
    assertThat(shares).containsExactly(d("6.67"), d("6.67"), d("6.66"));
    assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("20");
  }

  @Test
  void nothingPaidMeansNoShares() {
    assertThat(CommissionMath.paidShares(List.of(d("0.00")), d("0.00"), d("0.00")))
        .containsExactly(d("0.00"));
    assertThat(CommissionMath.paidShares(List.of(d("5.00"), d("5.00")), d("10.00"), d("0.00")))
        .containsExactly(d("0.00"), d("0.00"));
  }

  @Test
  void commissionRoundsHalfEvenToTheCent() {
    assertThat(CommissionMath.commission(d("27.00"), d("10.00"))).isEqualTo(d("2.70"));
    // 0.125 -> 0.12 (half to even), 0.375 -> 0.38.
    assertThat(CommissionMath.commission(d("2.50"), d("5.00"))).isEqualTo(d("0.12"));
    assertThat(CommissionMath.commission(d("7.50"), d("5.00"))).isEqualTo(d("0.38"));
    assertThat(CommissionMath.commission(d("6.67"), d("2.50"))).isEqualTo(d("0.17"));
  }

  @Test
  void partialReturnsReverseInProportionAndTheLastTakesWhatIsLeft() {
    // Commission 1.00 on a share of 30.00 (3 units of 10.00): one unit back reverses 0.33.
    BigDecimal first = CommissionMath.reversal(d("1.00"), d("30.00"), d("0.00"), d("10.00"), false);
    assertThat(first).isEqualTo(d("0.33"));
    BigDecimal second = CommissionMath.reversal(d("1.00"), d("30.00"), first, d("10.00"), false);
    assertThat(second).isEqualTo(d("0.33"));
    // The last unit reverses exactly what is left: the line nets to zero.
    BigDecimal last =
        CommissionMath.reversal(d("1.00"), d("30.00"), first.add(second), d("10.00"), true);
    assertThat(last).isEqualTo(d("0.34"));
    assertThat(first.add(second).add(last)).isEqualTo(d("1.00"));
  }

  @Test
  void aReversalNeverExceedsWhatIsLeft() {
    // A refund larger than the share (the order's last refund took the rounding cents).
    assertThat(CommissionMath.reversal(d("1.00"), d("30.00"), d("0.90"), d("30.01"), false))
        .isEqualTo(d("0.10"));
    assertThat(CommissionMath.reversal(d("1.00"), d("30.00"), d("1.00"), d("5.00"), false))
        .isEqualTo(d("0.00"));
  }

  @Test
  void aClawbackIsNettedOffThePayoutAndNeverPaysANegativeAmount() {
    assertThat(CommissionMath.payout(d("5.00"), d("1.20"))).isEqualTo(d("3.80"));
    assertThat(CommissionMath.payout(d("1.00"), d("1.20"))).isEqualTo(d("0.00"));
    assertThat(CommissionMath.payout(d("0.00"), d("0.00"))).isEqualTo(d("0.00"));
  }
}
