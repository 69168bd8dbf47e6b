package io.chainstore.oltp.order;

import io.chainstore.oltp.coupon.CouponTerms;
import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices an order, in one place and in this order:
 *
 * <ol>
 *   <li>each line is the store's unit price × quantity; the subtotal is their sum;
 *   <li>the member's level discount: subtotal × percent / 100, rounded to the cent (HALF_EVEN);
 *   <li>the coupon, on what is left after the member discount (its minimum spend is checked there):
 *       a fixed amount or a capped percentage, never more than is left;
 *   <li>redeemed points, at {@code pointValue} each, at most what is left to pay;
 *   <li>the total is subtotal − member discount − coupon discount − points discount, ≥ 0.
 * </ol>
 *
 * <p>All amounts have two decimals.
 */
final class OrderPricing {

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private OrderPricing() {}

  record Priced(
      List<Order.OrderLine> lines,
      BigDecimal subtotal,
      BigDecimal memberDiscount,
      BigDecimal couponDiscount,
      BigDecimal pointsDiscount,
      int pointsRedeemed,
      BigDecimal total,
      int units) {}

  static Priced price(
      List<CreateOrderRequest.Line> requested,
      Map<Long, BigDecimal> unitPrices,
      BigDecimal memberDiscountPercent,
      CouponTerms coupon,
      int pointsToRedeem,
      BigDecimal pointValue) {
    List<Order.OrderLine> lines = new ArrayList<>(requested.size());
    BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
    int units = 0;
    for (int i = 0; i < requested.size(); i++) {
      CreateOrderRequest.Line line = requested.get(i);
      BigDecimal unitPrice = unitPrices.get(line.skuId()).setScale(2, RoundingMode.HALF_EVEN);
      BigDecimal amount =
          unitPrice
              .multiply(BigDecimal.valueOf(line.quantity()))
              .setScale(2, RoundingMode.HALF_EVEN);
      lines.add(new Order.OrderLine(i + 1, line.skuId(), line.quantity(), unitPrice, amount));
      subtotal = subtotal.add(amount);
      units += line.quantity();
    }
    BigDecimal memberDiscount =
        subtotal.multiply(memberDiscountPercent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
    BigDecimal afterMember = subtotal.subtract(memberDiscount);
    BigDecimal couponDiscount =
        coupon == null ? BigDecimal.ZERO.setScale(2) : coupon.discountOn(afterMember);
    BigDecimal due = afterMember.subtract(couponDiscount);
    BigDecimal pointsDiscount =
        pointValue.multiply(BigDecimal.valueOf(pointsToRedeem)).setScale(2, RoundingMode.HALF_EVEN);
    if (pointsDiscount.compareTo(due) > 0) {
      throw ApiException.unprocessable(
          "pointsToRedeem", "worth more than the " + due.toPlainString() + " left to pay");
    }
    return new Priced(
        lines,
        subtotal,
        memberDiscount,
        couponDiscount,
        pointsDiscount,
        pointsToRedeem,
        due.subtract(pointsDiscount),
        units);
  }

  /**
   * The refund for returning {@code quantity} units of a line: the line's share of what the
   * customer actually paid (discounts spread in proportion to line amounts), to the cent. The
   * return that brings back the last units refunds exactly what is left, so rounding never leaves a
   * cent behind or refunds one too many.
   */
  static BigDecimal refund(
      Order.OrderLine line,
      int quantity,
      BigDecimal subtotal,
      BigDecimal total,
      BigDecimal refundedSoFar,
      boolean last) {
    if (last) {
      return total.subtract(refundedSoFar);
    }
    if (subtotal.signum() == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal share =
        line.lineAmount()
            .multiply(BigDecimal.valueOf(quantity))
            .multiply(total)
            .divide(
                BigDecimal.valueOf(line.quantity()).multiply(subtotal), 2, RoundingMode.HALF_EVEN);
    return share.min(total.subtract(refundedSoFar));
  }
}
