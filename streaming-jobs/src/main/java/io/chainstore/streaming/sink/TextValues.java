package io.chainstore.streaming.sink;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Values as ClickHouse reads them in its text formats: DateTime as {@code yyyy-MM-dd HH:mm:ss} in
 * UTC, money with two decimals. Written by hand rather than with a {@code DateTimeFormatter}: they
 * are formatted for every row the sinks write.
 */
public final class TextValues {

  private TextValues() {}

  public static String dateTime(Instant at) {
    return dateTime(at.getEpochSecond());
  }

  public static String dateTime(long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(19).append(t.toLocalDate()).append(' ');
    twoDigits(out, t.getHour()).append(':');
    twoDigits(out, t.getMinute()).append(':');
    return twoDigits(out, t.getSecond()).toString();
  }

  public static String date(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  public static String money(BigDecimal amount) {
    return amount.setScale(2).toPlainString();
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
