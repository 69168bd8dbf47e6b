package io.chainstore.oltp.referral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of referral commissions, every amount to the cent, rounded HALF_EVEN:
 *
 * <ul>
 *   <li>a line's paid share is the order's total × line amount / subtotal (the order's discounts
 *       spread in proportion to line amounts); the last line takes what is left, so the shares add
 *       up to the total exactly;
 *   <li>a level's commission is the share × the level's percent / 100;
 *   <li>a refund of part of a line reverses the commission in proportion to what was refunded of
 *       the share, never more than is left; the refund that brings back the last unit of the line
 *       reverses exactly what is left, so a fully returned line nets to zero;
 *   <li>a payout pays a member the sum of their settled commissions less every reversal not yet
 *       netted, only when that is positive: a clawback larger than what is due waits for later
 *       commissions.
 * </ul>
 */
final class CommissionMath {

  private static final BigDecimal HUNDRED = new BigDecimal("100");
  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private CommissionMath() {}

  /** What was paid for each line: the order's total spread over the line amounts. */
  static List<BigDecimal> paidShares(
      List<BigDecimal> lineAmounts, BigDecimal subtotal, BigDecimal total) {
    List<BigDecimal> shares = new ArrayList<>(lineAmounts.size());
    BigDecimal given = ZERO;
    for (int i = 0; i < lineAmounts.size(); i++) {
      BigDecimal share;
      if (subtotal.signum() == 0) {
        share = ZERO;
      } else if (i == lineAmounts.size() - 1) {
        share = total.subtract(given).max(ZERO).setScale(2, RoundingMode.HALF_EVEN);
      } else {
        share =
            total
                .multiply(lineAmounts.get(i))
                .divide(subtotal, 2, RoundingMode.HALF_EVEN)
                .min(total.subtract(given));
      }
      shares.add(share);
      given = given.add(share);
    }
    return shares;
  }

  /** One level's commission on a paid share. */
  static BigDecimal commission(BigDecimal paidShare, BigDecimal percent) {
    return paidShare.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
  }

  /**
   * What a refund of {@code refund} of a line takes back from a commission of {@code amount} booked
   * on {@code paidShare}, of which {@code reversed} was taken back already.
   */
  static BigDecimal reversal(
      BigDecimal amount,
      BigDecimal paidShare,
      BigDecimal reversed,
      BigDecimal refund,
      boolean lineFullyReturned) {
    BigDecimal left = amount.subtract(reversed);
    if (lineFullyReturned) {
      return left.setScale(2, RoundingMode.HALF_EVEN);
    }
    if (paidShare.signum() == 0) {
      return ZERO;
    }
    return amount.multiply(refund).divide(paidShare, 2, RoundingMode.HALF_EVEN).min(left);
  }

  /**
   * What a payout pays a member: settled commissions less reversals not yet netted; zero when
   * reversals (clawbacks of commissions paid out before) outweigh them.
   */
  static BigDecimal payout(BigDecimal settled, BigDecimal unnettedReversals) {
    BigDecimal net = settled.subtract(unnettedReversals);
    return net.signum() > 0 ? net.setScale(2, RoundingMode.HALF_EVEN) : ZERO;
  }
}
