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
    return text == null ? null : parseInstant(text);
  }

  /**
   * An ISO-8601 timestamp with offset. The connector writes {@code timestamptz} in UTC as {@code
   * yyyy-MM-ddTHH:mm:ss[.fraction]Z}; that shape is read by hand (it is on every change's path, and
   * {@code OffsetDateTime.parse} costs more than the rest of the row), any other by the JDK.
   */
  static Instant parseInstant(String text) {
    int n = text.length();
    if (n < 20
        || text.charAt(n - 1) != 'Z'
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return OffsetDateTime.parse(text).toInstant();
    }
    int nanos = 0;
    if (n > 20) {
      int digits = n - 21;
      if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
        return OffsetDateTime.parse(text).toInstant();
      }
      nanos = digits(text, 20, n - 1);
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    // digits() is -1 for a non-digit; whatever is off is left to the JDK and its error
    if (year < 0
        || month < 0
        || day < 0
        || nanos < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return OffsetDateTime.parse(text).toInstant();
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3600 + minute * 60 + second, nanos);
  }

  /** The decimal digits in [from, to) as a number, or -1 when one is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      value = value * 10 + (ch - '0');
    }
    return value;
  }

  /** A date column: days since 1970-01-01, as the connector sends {@code date}. */
  public static LocalDate date(JsonNode row, String column) {
    JsonNode value = row.path(column);
    return value.isNull() || value.isMissingNode() ? null : LocalDate.ofEpochDay(value.asLong());
  }
}
