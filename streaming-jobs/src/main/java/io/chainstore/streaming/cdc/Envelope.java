package io.chainstore.streaming.cdc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    // Streamed rather than read into a tree: only the rows become trees, the connector's source
    // block (a dozen fields) and everything else are skipped. It is on every change's path.
    try (JsonParser json = JSON.createParser(value)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String op = "";
      long lsn = 0;
      long sourceMillis = -1;
      long eventMillis = 0;
      JsonNode before = null;
      JsonNode after = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken token = json.nextToken();
        switch (field) {
          case "before" -> before = row(json, token);
          case "after" -> after = row(json, token);
          case "op" -> op = token == JsonToken.VALUE_STRING ? json.getText() : "";
          case "ts_ms" -> eventMillis = json.getValueAsLong(0);
          case "source" -> {
            while (token == JsonToken.START_OBJECT && json.nextToken() == JsonToken.FIELD_NAME) {
              String name = json.currentName();
              JsonToken sourceToken = json.nextToken();
              if (name.equals("lsn")) {
                lsn = json.getValueAsLong(0);
              } else if (name.equals("ts_ms") && sourceToken.isNumeric()) {
                sourceMillis = json.getLongValue();
              }
              json.skipChildren();
            }
          }
          default -> {}
        }
        json.skipChildren(); // whatever else: a nested value is passed over whole
      }
      if (!op.equals("c") && !op.equals("r") && !op.equals("u") && !op.equals("d")) {
        return null;
      }
      return new Envelope(
          op.charAt(0), lsn, sourceMillis >= 0 ? sourceMillis : eventMillis, before, after);
    }
  }

  private static JsonNode row(JsonParser json, JsonToken token) throws IOException {
    return token == JsonToken.START_OBJECT ? JSON.readTree(json) : null;
  }

  public boolean deleted() {
    return op == 'd';
  }

  /** The row as it is now, or as it was for a delete. */
  public JsonNode row() {
    return deleted() ? before : after;
  }
}
