package io.chainstore.streaming.repairs;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import java.io.Serializable;
import java.math.BigDecimal;

/** The columns of a {@code work_order_lines} row: a part (SKU and quantity) or labour. */
public record WorkOrderLineRow(
    long workOrderId, int lineNo, String kind, Long skuId, int quantity, BigDecimal lineAmount)
    implements Serializable {

  public static WorkOrderLineRow from(JsonNode row) {
    return new WorkOrderLineRow(
        Columns.longValue(row, "work_order_id"),
        Columns.intValue(row, "line_no", 0),
        Columns.text(row, "kind"),
        Columns.nullableLong(row, "sku_id"),
        Columns.intValue(row, "quantity", 0),
        Columns.decimal(row, "line_amount"));
  }

  public boolean part() {
    return "part".equals(kind);
  }
}
