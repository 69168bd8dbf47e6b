package io.chainstore.streaming.kpi;

/** Debezium-format JSON change events of the orders table, as the connector writes them. */
final class ChangeEvents {

  private ChangeEvents() {}

  static String order(
      String op,
      long lsn,
      long id,
      long store,
      String channel,
      String status,
      String total,
      int units,
      String paidAt) {
    String row =
        """
        {"id": %d, "store_id": %d, "channel": "%s", "member_id": null, "status": "%s",
         "total_amount": "%s", "total_units": %d, "created_at": "2026-11-27T09:59:00.000000Z",
         "paid_at": %s, "cancelled_at": null, "updated_at": "2026-11-27T10:00:00.000000Z",
         "refunded_amount": "0.00", "returned_units": 0}
        """
            .formatted(
                id,
                store,
                channel,
                status,
                total,
                units,
                paidAt == null ? "null" : "\"" + paidAt + "\"");
    String before = op.equals("d") ? row : "null";
    String after = op.equals("d") ? "null" : row;
    return """
        {"before": %s, "after": %s,
         "source": {"version": "3.6.1.Final", "connector": "postgresql", "name": "chainstore",
                    "db": "chainstore", "schema": "public", "table": "orders", "lsn": %d, "txId": 1},
         "op": "%s", "ts_ms": 1764237600000}
        """
        .formatted(before, after, lsn, op);
  }
}
