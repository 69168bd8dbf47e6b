package io.chainstore.streaming.sales;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** The columns of an {@code orders} row the jobs read. */
public record OrderRow(
    long orderId,
    long storeId,
    String channel,
    Long memberId,
    String status,
    Long couponId,
    BigDecimal subtotal,
    BigDecimal memberDiscount,
    BigDecimal couponDiscount,
    BigDecimal pointsDiscount,
    BigDecimal total,
    BigDecimal refunded,
    int totalUnits,
    int returnedUnits,
    Instant createdAt,
    Instant paidAt,
    Instant cancelledAt)
    implements Serializable {

  /** Paid and neither cancelled nor entirely returned: the service's {@code sales_orders} view. */
  private static final Set<String> SALE_STATUSES =
      Set.of("paid", "fulfilled", "picked_up", "completed");

  public static OrderRow from(JsonNode row) {
    BigDecimal total = Columns.decimal(row, "total_amount");
    return new OrderRow(
        Columns.longValue(row, "id"),
        Columns.longValue(row, "store_id"),
        Columns.text(row, "channel"),
        Columns.nullableLong(row, "member_id"),
        Columns.text(row, "status"),
        Columns.nullableLong(row, "coupon_id"),
        // Orders from before discounts existed have no subtotal: it was their total.
        Columns.text(row, "subtotal_amount") == null
            ? total
            : Columns.decimal(row, "subtotal_amount"),
        Columns.decimal(row, "member_discount"),
        Columns.decimal(row, "coupon_discount"),
        Columns.decimal(row, "points_discount"),
        total,
        Columns.decimal(row, "refunded_amount"),
        Columns.intValue(row, "total_units", 0),
        Columns.intValue(row, "returned_units", 0),
        Columns.instant(row, "created_at"),
        Columns.instant(row, "paid_at"),
        Columns.instant(row, "cancelled_at"));
  }

  /** A sale counts from its payment until it is cancelled or entirely returned. */
  public boolean isSale() {
    return SALE_STATUSES.contains(status) && paidAt != null;
  }

  /** What the sale is worth now: its total less what returns refunded. */
  public BigDecimal net() {
    return total.subtract(refunded);
  }

  public int netUnits() {
    return totalUnits - returnedUnits;
  }
}
