package io.chainstore.streaming.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One Debezium change event (JSON with schemas disabled, decimals as strings): the operation, the
 * source's WAL position (LSN), the commit time and the row before and after. PostgreSQL LSNs grow
 * across all tables, so they order changes of different tables too.
 */
public record Envelope(char op, long lsn, long commitMillis, JsonNode before, JsonNode after) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The event, or null for records without a row change (tombstones, heartbeats, truncates). */
  public static Envelope parse(byte[] value) throws IOException {
    if (value == null || value.length == 0) {
      return null;
    }
    JsonNode event = JSON.readTree(value);
    String op = event.path("op").asText("");
    if (!op.equals("c") && !op.equals("r") && !op.equals("u") && !op.equals("d")) {
      return null;
    }
    JsonNode source = event.path("source");
    return new Envelope(
        op.charAt(0),
        source.path("lsn").asLong(0),
        source.path("ts_ms").asLong(event.path("ts_ms").asLong(0)),
        row(event.path("before")),
        row(event.path("after")));
  }

  private static JsonNode row(JsonNode node) {
    return node.isObject() ? node : null;
  }

  public boolean deleted() {
    return op == 'd';
  }

  /** The row as it is now, or as it was for a delete. */
  public JsonNode row() {
    return deleted() ? before : after;
  }
}
