package io.chainstore.oltp.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices an order, in one place: each line is unit price × quantity, the total is the sum of the
 * lines, all at two decimals (HALF_EVEN, though whole quantities of two-decimal prices are exact).
 * Discounts, coupons and points will be applied here, in that order, after the line sum.
 */
final class OrderPricing {

  private OrderPricing() {}

  record Priced(List<Order.OrderLine> lines, BigDecimal total, int units) {}

  static Priced price(List<CreateOrderRequest.Line> requested, Map<Long, BigDecimal> unitPrices) {
    List<Order.OrderLine> lines = new ArrayList<>(requested.size());
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    int units = 0;
    for (int i = 0; i < requested.size(); i++) {
      CreateOrderRequest.Line line = requested.get(i);
      BigDecimal unitPrice = unitPrices.get(line.skuId()).setScale(2, RoundingMode.HALF_EVEN);
      BigDecimal amount =
          unitPrice
              .multiply(BigDecimal.valueOf(line.quantity()))
              .setScale(2, RoundingMode.HALF_EVEN);
      lines.add(new Order.OrderLine(i + 1, line.skuId(), line.quantity(), unitPrice, amount));
      total = total.add(amount);
      units += line.quantity();
    }
    return new Priced(lines, total, units);
  }
}
