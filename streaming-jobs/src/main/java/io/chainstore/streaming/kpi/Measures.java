package io.chainstore.streaming.kpi;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The additive store KPIs of one bucket (or what one sale or sign-up adds to it). Ratios — average
 * order value, units per transaction, member share — are divided out at query time.
 */
public record Measures(
    BigDecimal grossSales,
    BigDecimal memberDiscount,
    BigDecimal couponDiscount,
    BigDecimal pointsDiscount,
    BigDecimal refunds,
    BigDecimal netSales,
    long paidOrders,
    long units,
    long memberOrders,
    BigDecimal memberNetSales,
    long newMembers,
    BigDecimal goodsNetSales,
    long goodsUnits,
    BigDecimal serviceNetSales,
    long serviceUnits,
    BigDecimal partNetSales,
    long partUnits)
    implements Serializable {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  public static final Measures NONE =
      new Measures(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, 0, 0, 0, ZERO, 0, ZERO, 0, ZERO, 0, ZERO, 0);

  /** One member who joined. */
  public static final Measures NEW_MEMBER =
      new Measures(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, 0, 0, 0, ZERO, 1, ZERO, 0, ZERO, 0, ZERO, 0);

  public Measures plus(Measures o) {
    return new Measures(
        grossSales.add(o.grossSales),
        memberDiscount.add(o.memberDiscount),
        couponDiscount.add(o.couponDiscount),
        pointsDiscount.add(o.pointsDiscount),
        refunds.add(o.refunds),
        netSales.add(o.netSales),
        paidOrders + o.paidOrders,
        units + o.units,
        memberOrders + o.memberOrders,
        memberNetSales.add(o.memberNetSales),
        newMembers + o.newMembers,
        goodsNetSales.add(o.goodsNetSales),
        goodsUnits + o.goodsUnits,
        serviceNetSales.add(o.serviceNetSales),
        serviceUnits + o.serviceUnits,
        partNetSales.add(o.partNetSales),
        partUnits + o.partUnits);
  }

  public Measures negate() {
    return NONE.minus(this);
  }

  public Measures minus(Measures o) {
    return new Measures(
        grossSales.subtract(o.grossSales),
        memberDiscount.subtract(o.memberDiscount),
        couponDiscount.subtract(o.couponDiscount),
        pointsDiscount.subtract(o.pointsDiscount),
        refunds.subtract(o.refunds),
        netSales.subtract(o.netSales),
        paidOrders - o.paidOrders,
        units - o.units,
        memberOrders - o.memberOrders,
        memberNetSales.subtract(o.memberNetSales),
        newMembers - o.newMembers,
        goodsNetSales.subtract(o.goodsNetSales),
        goodsUnits - o.goodsUnits,
        serviceNetSales.subtract(o.serviceNetSales),
        serviceUnits - o.serviceUnits,
        partNetSales.subtract(o.partNetSales),
        partUnits - o.partUnits);
  }

  public boolean isZero() {
    return equalsIgnoringScale(NONE);
  }

  private boolean equalsIgnoringScale(Measures o) {
    return grossSales.compareTo(o.grossSales) == 0
        && memberDiscount.compareTo(o.memberDiscount) == 0
        && couponDiscount.compareTo(o.couponDiscount) == 0
        && pointsDiscount.compareTo(o.pointsDiscount) == 0
        && refunds.compareTo(o.refunds) == 0
        && netSales.compareTo(o.netSales) == 0
        && paidOrders == o.paidOrders
        && units == o.units
        && memberOrders == o.memberOrders
        && memberNetSales.compareTo(o.memberNetSales) == 0
        && newMembers == o.newMembers
        && goodsNetSales.compareTo(o.goodsNetSales) == 0
        && goodsUnits == o.goodsUnits
        && serviceNetSales.compareTo(o.serviceNetSales) == 0
        && serviceUnits == o.serviceUnits
        && partNetSales.compareTo(o.partNetSales) == 0
        && partUnits == o.partUnits;
  }
}
