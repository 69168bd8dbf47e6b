package io.chainstore.streaming.kpi;

import io.chainstore.streaming.repairs.WorkOrderFacts;
import io.chainstore.streaming.repairs.WorkOrderLineRow;
import io.chainstore.streaming.repairs.WorkOrderRow;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What a repair on site adds to the store KPIs once it is paid: a sale of its store in the channel
 * {@value #CHANNEL} at its payment, its parts as part sales (amount and units, and per SKU for the
 * ranking), its labour as service sales without units. Repairs take no discounts and no returns.
 */
public final class RepairSales {

  public static final String CHANNEL = "onsite";

  private RepairSales() {}

  /** The sale the work order is now, or null while it is not paid. */
  public static Sale of(WorkOrderFacts facts) {
    WorkOrderRow order = facts.order();
    if (order == null || !order.isSale()) {
      return null;
    }
    long partUnits = 0;
    Map<Long, Sale.SkuFigures> skus = new HashMap<>();
    for (WorkOrderLineRow line : facts.lines().values()) {
      if (line.part()) {
        partUnits += line.quantity();
        skus.merge(
            line.skuId(),
            new Sale.SkuFigures(line.lineAmount(), line.quantity()),
            (a, b) -> new Sale.SkuFigures(a.netSales().add(b.netSales()), a.units() + b.units()));
      }
    }
    boolean member = order.memberId() != null;
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    Measures measures =
        new Measures(
            order.total(),
            zero,
            zero,
            zero,
            zero,
            order.total(),
            1,
            partUnits,
            member ? 1 : 0,
            member ? order.total() : zero,
            0,
            zero,
            0,
            order.labourAmount(),
            0,
            order.partsAmount(),
            partUnits);
    return new Sale(order.storeId(), CHANNEL, order.paidAt(), measures, skus);
  }
}
