package io.chainstore.streaming.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each line of a sale is worth net: its share of the order's total (the discounts of the order
 * spread in proportion to line amounts), less what returns of that line refunded. Each share is
 * rounded half up to the cent, and the last line takes what is left, so the lines add up to the
 * order's total exactly; net of refunds they add up to the order's net.
 */
public final class LineShares {

  private LineShares() {}

  /** Net worth per line number, in line order. */
  public static Map<Integer, BigDecimal> netByLine(OrderFacts facts) {
    OrderRow order = facts.order();
    Map<Integer, BigDecimal> out = new LinkedHashMap<>();
    List<OrderLineRow> lines = new ArrayList<>(facts.lines().values());
    lines.sort((a, b) -> Integer.compare(a.lineNo(), b.lineNo()));
    Map<Integer, BigDecimal> refunds = facts.refundsByLine();
    BigDecimal allocated = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      OrderLineRow line = lines.get(i);
      BigDecimal share;
      if (i == lines.size() - 1) {
        share = order.total().subtract(allocated);
      } else if (order.subtotal().signum() == 0) {
        share = BigDecimal.ZERO.setScale(2);
      } else {
        share =
            order
                .total()
                .multiply(line.lineAmount())
                .divide(order.subtotal(), 2, RoundingMode.HALF_UP);
      }
      allocated = allocated.add(share);
      out.put(line.lineNo(), share.subtract(refunds.getOrDefault(line.lineNo(), BigDecimal.ZERO)));
    }
    return out;
  }
}
