package io.chainstore.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Debezium-format JSON change events, as the connector writes them (schemas off, decimals text).
 */
public final class ChangeEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeEvents() {}

  /** An event of {@code table}: op c, r, u or d, at {@code lsn}, for the row given as pairs. */
  public static String event(String table, String op, long lsn, Object... columnsAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }
    ObjectNode event = JSON.createObjectNode();
    event.set("before", op.equals("d") ? JSON.valueToTree(row) : JSON.nullNode());
    event.set("after", op.equals("d") ? JSON.nullNode() : JSON.valueToTree(row));
    ObjectNode source = event.putObject("source");
    source.put("connector", "postgresql").put("name", "chainstore").put("schema", "public");
    source.put("table", table).put("lsn", lsn).put("ts_ms", 1764237600000L);
    event.put("op", op).put("ts_ms", 1764237600000L);
    return event.toString();
  }

  /** An order row: a POS or online order with its amounts (as text) and times (ISO or null). */
  public static String order(
      String op,
      long lsn,
      long id,
      long store,
      String channel,
      Long member,
      String status,
      String subtotal,
      String total,
      int units,
      String paidAt) {
    return event(
        "orders",
        op,
        lsn,
        "id",
        id,
        "store_id",
        store,
        "channel",
        channel,
        "member_id",
        member,
        "status",
        status,
        "subtotal_amount",
        subtotal,
        "member_discount",
        "0.00",
        "coupon_discount",
        "0.00",
        "points_discount",
        new java.math.BigDecimal(subtotal)
            .subtract(new java.math.BigDecimal(total))
            .toPlainString(),
        "total_amount",
        total,
        "total_units",
        units,
        "created_at",
        "2026-11-27T09:59:00.000000Z",
        "paid_at",
        paidAt,
        "refunded_amount",
        "0.00",
        "returned_units",
        0);
  }

  public static String line(
      String op, long lsn, long order, int lineNo, long sku, int qty, String amount, String kind) {
    return event(
        "order_lines",
        op,
        lsn,
        "order_id",
        order,
        "line_no",
        lineNo,
        "sku_id",
        sku,
        "quantity",
        qty,
        "unit_price",
        amount,
        "line_amount",
        amount,
        "returned_quantity",
        0,
        "product_kind",
        kind);
  }

  public static String location(long lsn, long id, String kind, String zone) {
    return event(
        "locations",
        "r",
        lsn,
        "id",
        id,
        "code",
        "L" + id,
        "name",
        "Location " + id,
        "kind",
        kind,
        "latitude",
        "52.520000",
        "longitude",
        "13.400000",
        "time_zone",
        zone);
  }

  public static String member(long lsn, long id, Long store, String channel, String joinedAt) {
    return event(
        "members",
        "c",
        lsn,
        "id",
        id,
        "name",
        "M" + id,
        "phone",
        "+49" + id,
        "store_id",
        store,
        "channel",
        channel,
        "created_at",
        joinedAt);
  }

  /** The event as committed at {@code at} (ISO instant): its source and event time. */
  public static String committedAt(String json, String at) {
    try {
      ObjectNode event = (ObjectNode) JSON.readTree(json);
      long millis = java.time.Instant.parse(at).toEpochMilli();
      ((ObjectNode) event.get("source")).put("ts_ms", millis);
      event.put("ts_ms", millis);
      return event.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
