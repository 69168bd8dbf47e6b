package io.chainstore.streaming.marketing;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What coupons of a template did: how many were issued, how many paid orders redeemed one (and what
 * the coupon took off them, and those orders' net sales), how many were released by orders
 * cancelled before payment.
 */
public record RoiMeasures(
    long issued,
    long redeemed,
    long released,
    BigDecimal discountCost,
    BigDecimal attributedNetSales)
    implements Serializable {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  public static final RoiMeasures NONE = new RoiMeasures(0, 0, 0, ZERO, ZERO);
  public static final RoiMeasures ISSUED = new RoiMeasures(1, 0, 0, ZERO, ZERO);
  public static final RoiMeasures RELEASED = new RoiMeasures(0, 0, 1, ZERO, ZERO);

  public static RoiMeasures redeemed(BigDecimal cost, BigDecimal netSales) {
    return new RoiMeasures(0, 1, 0, cost, netSales);
  }

  public RoiMeasures plus(RoiMeasures o) {
    return new RoiMeasures(
        issued + o.issued,
        redeemed + o.redeemed,
        released + o.released,
        discountCost.add(o.discountCost),
        attributedNetSales.add(o.attributedNetSales));
  }

  public RoiMeasures negate() {
    return new RoiMeasures(
        -issued, -redeemed, -released, discountCost.negate(), attributedNetSales.negate());
  }
}
