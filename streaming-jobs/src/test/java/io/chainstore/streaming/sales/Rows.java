package io.chainstore.streaming.sales;

import java.math.BigDecimal;
import java.time.Instant;

/** Rows for tests of the sales logic. */
public final class Rows {

  public static final Instant PAID = Instant.parse("2026-11-27T10:15:30Z");

  private Rows() {}

  public static OrderRow order(String status, String subtotal, String total, int units) {
    return order(status, subtotal, total, units, "0.00", 0, null);
  }

  public static OrderRow order(
      String status,
      String subtotal,
      String total,
      int units,
      String refunded,
      int returnedUnits,
      Long member) {
    BigDecimal sub = new BigDecimal(subtotal);
    BigDecimal tot = new BigDecimal(total);
    return new OrderRow(
        1,
        5,
        "pos",
        member,
        status,
        null,
        sub,
        BigDecimal.ZERO.setScale(2),
        sub.subtract(tot),
        BigDecimal.ZERO.setScale(2),
        tot,
        new BigDecimal(refunded),
        units,
        returnedUnits,
        PAID.minusSeconds(60),
        status.equals("created") ? null : PAID,
        status.equals("cancelled") ? PAID.plusSeconds(60) : null);
  }

  public static OrderLineRow line(int lineNo, long sku, int qty, String amount, String kind) {
    return new OrderLineRow(1, lineNo, sku, qty, new BigDecimal(amount), 0, kind);
  }

  public static OrderFacts facts(OrderRow order, OrderLineRow... lines) {
    OrderFacts facts = OrderFacts.empty().with(OrderEvent.of(order, 10, false));
    long lsn = 11;
    for (OrderLineRow line : lines) {
      facts = facts.with(OrderEvent.of(line, lsn++, false));
    }
    return facts;
  }
}
