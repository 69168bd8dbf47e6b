package io.chainstore.streaming.sales;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import java.io.Serializable;
import java.math.BigDecimal;

/** An {@code order_return_lines} row: units of one order line that came back, and their refund. */
public record ReturnLineRow(
    long returnId, long orderId, int lineNo, int quantity, BigDecimal refund)
    implements Serializable {

  public static ReturnLineRow from(JsonNode row) {
    return new ReturnLineRow(
        Columns.longValue(row, "return_id"),
        Columns.longValue(row, "order_id"),
        Columns.intValue(row, "line_no", 0),
        Columns.intValue(row, "quantity", 0),
        Columns.decimal(row, "refund_amount"));
  }
}
