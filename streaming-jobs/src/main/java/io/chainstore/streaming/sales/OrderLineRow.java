package io.chainstore.streaming.sales;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import java.io.Serializable;
import java.math.BigDecimal;

/** The columns of an {@code order_lines} row the jobs read. */
public record OrderLineRow(
    long orderId,
    int lineNo,
    long skuId,
    int quantity,
    BigDecimal lineAmount,
    int returnedQuantity,
    String kind)
    implements Serializable {

  public static OrderLineRow from(JsonNode row) {
    return new OrderLineRow(
        Columns.longValue(row, "order_id"),
        Columns.intValue(row, "line_no", 0),
        Columns.longValue(row, "sku_id"),
        Columns.intValue(row, "quantity", 0),
        Columns.decimal(row, "line_amount"),
        Columns.intValue(row, "returned_quantity", 0),
        // Lines from before kinds were recorded were goods: the only kind sold then.
        Columns.text(row, "product_kind") == null ? "goods" : Columns.text(row, "product_kind"));
  }

  public int netUnits() {
    return quantity - returnedQuantity;
  }
}
