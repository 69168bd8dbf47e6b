package io.chainstore.streaming.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads Debezium JSON change events (schemas disabled, decimals as strings) of the {@code orders}
 * table.
 */
public final class DebeziumOrderParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DebeziumOrderParser() {}

  /** The change, or null for events without a row (heartbeats, tombstones, truncates). */
  public static OrderChange parse(byte[] value) throws IOException {
    if (value == null || value.length == 0) {
      return null;
    }
    JsonNode event = JSON.readTree(value);
    String op = event.path("op").asText("");
    long lsn = event.path("source").path("lsn").asLong(0);
    return switch (op) {
      case "c", "r", "u" -> new OrderChange(lsn, state(event.path("after")));
      case "d" ->
          new OrderChange(lsn, OrderState.deleted(event.path("before").path("id").asLong()));
      default -> null;
    };
  }

  static OrderState state(JsonNode row) {
    JsonNode paidAt = row.path("paid_at");
    return new OrderState(
        row.path("id").asLong(),
        row.path("store_id").asLong(),
        row.path("channel").asText(),
        row.path("status").asText(),
        new BigDecimal(row.path("total_amount").asText("0")),
        row.path("total_units").asInt(),
        // Absent in events from before returns existed.
        new BigDecimal(row.path("refunded_amount").asText("0")),
        row.path("returned_units").asInt(0),
        paidAt.isNull() || paidAt.isMissingNode() ? null : instant(paidAt.asText()),
        false);
  }

  private static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
