package io.chainstore.streaming.kpi;

import io.chainstore.streaming.sales.LineShares;
import io.chainstore.streaming.sales.OrderFacts;
import io.chainstore.streaming.sales.OrderLineRow;
import io.chainstore.streaming.sales.OrderRow;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What one order adds to the store KPIs while it is a sale: at its store and channel, at the time
 * it was paid, its gross, discounts, refunds, net, one order, its units (net of returns), the
 * member part, the split by product kind, and the net and units of each SKU it sold.
 */
public record Sale(
    long storeId, String channel, Instant paidAt, Measures measures, Map<Long, SkuFigures> skus)
    implements Serializable {

  /** A SKU's part of a sale. */
  public record SkuFigures(BigDecimal netSales, long units) implements Serializable {}

  /** The sale an order is now, or null when it counts for nothing (not paid, cancelled…). */
  public static Sale of(OrderFacts facts) {
    OrderRow order = facts.order();
    if (order == null || !order.isSale()) {
      return null;
    }
    Map<Integer, BigDecimal> lineNet = LineShares.netByLine(facts);
    Map<String, BigDecimal> netByKind = new HashMap<>();
    Map<String, Long> unitsByKind = new HashMap<>();
    Map<Long, SkuFigures> skus = new HashMap<>();
    for (OrderLineRow line : facts.lines().values()) {
      BigDecimal net = lineNet.get(line.lineNo());
      netByKind.merge(line.kind(), net, BigDecimal::add);
      unitsByKind.merge(line.kind(), (long) line.netUnits(), Long::sum);
      skus.merge(
          line.skuId(),
          new SkuFigures(net, line.netUnits()),
          (a, b) -> new SkuFigures(a.netSales().add(b.netSales()), a.units() + b.units()));
    }
    boolean member = order.memberId() != null;
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    Measures measures =
        new Measures(
            order.subtotal(),
            order.memberDiscount(),
            order.couponDiscount(),
            order.pointsDiscount(),
            order.refunded(),
            order.net(),
            1,
            order.netUnits(),
            member ? 1 : 0,
            member ? order.net() : zero,
            0,
            netByKind.getOrDefault("goods", zero),
            unitsByKind.getOrDefault("goods", 0L),
            netByKind.getOrDefault("service", zero),
            unitsByKind.getOrDefault("service", 0L),
            netByKind.getOrDefault("part", zero),
            unitsByKind.getOrDefault("part", 0L));
    return new Sale(order.storeId(), order.channel(), order.paidAt(), measures, skus);
  }

  /** Whether the two count in the same buckets (same store, channel and time of payment). */
  boolean sameBuckets(Sale other) {
    return other != null
        && storeId == other.storeId
        && channel.equals(other.channel)
        && paidAt.equals(other.paidAt);
  }
}
