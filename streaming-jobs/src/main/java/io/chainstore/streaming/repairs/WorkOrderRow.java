package io.chainstore.streaming.repairs;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** The columns of a {@code work_orders} row (a repair on site) the jobs read. */
public record WorkOrderRow(
    long workOrderId,
    long storeId,
    Long memberId,
    String status,
    BigDecimal partsAmount,
    BigDecimal labourAmount,
    BigDecimal total,
    Instant paidAt)
    implements Serializable {

  public static WorkOrderRow from(JsonNode row) {
    return new WorkOrderRow(
        Columns.longValue(row, "id"),
        Columns.longValue(row, "store_id"),
        Columns.nullableLong(row, "member_id"),
        Columns.text(row, "status"),
        Columns.decimal(row, "parts_amount"),
        Columns.decimal(row, "labour_amount"),
        Columns.decimal(row, "total_amount"),
        Columns.instant(row, "paid_at"));
  }

  /** Paid (and perhaps completed): the service refuses to cancel a paid work order. */
  public boolean isSale() {
    return paidAt != null && (status.equals("paid") || status.equals("completed"));
  }
}
