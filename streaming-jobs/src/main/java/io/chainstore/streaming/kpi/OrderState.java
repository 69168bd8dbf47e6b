package io.chainstore.streaming.kpi;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * The fields of an {@code orders} row the KPIs need, as one change event carries them. {@code
 * deleted} marks a row that no longer exists.
 */
public record OrderState(
    long orderId,
    long storeId,
    String channel,
    String status,
    BigDecimal totalAmount,
    int totalUnits,
    BigDecimal refundedAmount,
    int returnedUnits,
    Instant paidAt,
    boolean deleted)
    implements Serializable {

  /** Paid and not cancelled or entirely returned: the service's {@code sales_orders} view. */
  private static final Set<String> SALE_STATUSES =
      Set.of("paid", "fulfilled", "picked_up", "completed");

  public static OrderState deleted(long orderId) {
    return new OrderState(orderId, 0, "", "", BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, null, true);
  }

  /** An order counts towards the KPIs while it is a sale. */
  public boolean countsAsSale() {
    return !deleted && SALE_STATUSES.contains(status) && paidAt != null;
  }

  /** What the sale is worth now: its total less what partial returns refunded. */
  public BigDecimal netAmount() {
    return totalAmount.subtract(refundedAmount);
  }

  public int netUnits() {
    return totalUnits - returnedUnits;
  }
}
