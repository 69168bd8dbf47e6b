package io.chainstore.oltp.coupon;

import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a coupon takes off an order: a fixed amount, or a percentage capped at {@code maxDiscount};
 * never more than is due, and only when what is due reaches {@code minSpend}.
 */
public record CouponTerms(
    long couponId,
    String discountType,
    BigDecimal amountOff,
    BigDecimal percentOff,
    BigDecimal maxDiscount,
    BigDecimal minSpend) {

  /** The discount on {@code due} (the amount after the member discount), to the cent. */
  public BigDecimal discountOn(BigDecimal due) {
    if (due.compareTo(minSpend) < 0) {
      throw ApiException.unprocessable(
          "couponCode", "below the coupon's minimum spend of " + minSpend.toPlainString());
    }
    BigDecimal discount =
        "amount_off".equals(discountType)
            ? amountOff
            : due.multiply(percentOff).divide(new BigDecimal("100"), 2, RoundingMode.HALF_EVEN);
    if (maxDiscount != null && discount.compareTo(maxDiscount) > 0) {
      discount = maxDiscount;
    }
    return discount.min(due).setScale(2, RoundingMode.HALF_EVEN);
  }
}
