package io.chainstore.streaming.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Reads column values as the connector writes them: decimals as strings, times as ISO text. */
public final class Columns {

  private Columns() {}

  public static long longValue(JsonNode row, String column) {
    return row.path(column).asLong();
  }

  public static Long nullableLong(JsonNode row, String column) {
    JsonNode value = row.path(column);
    return value.isNull() || value.isMissingNode() ? null : value.asLong();
  }

  public static int intValue(JsonNode row, String column, int absent) {
    JsonNode value = row.path(column);
    return value.isNull() || value.isMissingNode() ? absent : value.asInt();
  }

  public static String text(JsonNode row, String column) {
    JsonNode value = row.path(column);
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }

  /** A numeric column; absent (a row from before the column existed) or null reads as zero. */
  public static BigDecimal decimal(JsonNode row, String column) {
    String text = text(row, column);
    return text == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(text);
  }

  public static Instant instant(JsonNode row, String column) {
    String text = text(row, column);
    return text == null ? null : OffsetDateTime.parse(text).toInstant();
  }

  /** A date column: days since 1970-01-01, as the connector sends {@code date}. */
  public static LocalDate date(JsonNode row, String column) {
    JsonNode value = row.path(column);
    return value.isNull() || value.isMissingNode() ? null : LocalDate.ofEpochDay(value.asLong());
  }
}
