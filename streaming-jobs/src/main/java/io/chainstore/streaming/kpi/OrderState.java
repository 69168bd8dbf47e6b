package io.chainstore.streaming.kpi;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

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
    Instant paidAt,
    boolean deleted)
    implements Serializable {

  public static OrderState deleted(long orderId) {
    return new OrderState(orderId, 0, "", "", BigDecimal.ZERO, 0, null, true);
  }

  /** An order counts towards net sales while it is paid and not cancelled or refunded. */
  public boolean countsAsSale() {
    return !deleted && "paid".equals(status) && paidAt != null;
  }
}
