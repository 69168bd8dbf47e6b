package io.chainstore.streaming.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import io.chainstore.streaming.sink.TextValues;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A transactional table copied to a ClickHouse table as it is now: each change writes the row with
 * the change's LSN as its version and a deleted flag, into a ReplacingMergeTree(version) — so the
 * copy converges to the source whatever is replayed or delivered twice.
 */
public record MirroredTable(String source, String target, List<Column> columns)
    implements Serializable {

  /** How a column's value is copied. */
  public enum Type {
    INT,
    TEXT,
    DECIMAL,
    DATE,
    DATE_TIME
  }

  /** A column: its name in the source row, its name in ClickHouse, its type; key columns first. */
  public record Column(String from, String to, Type type, boolean key) implements Serializable {}

  public static Column key(String from, String to) {
    return new Column(from, to, Type.INT, true);
  }

  public static Column column(String name, Type type) {
    return new Column(name, name, type, false);
  }

  /** The ClickHouse columns written: the table's, then version, deleted and updated_at. */
  public List<String> targetColumns() {
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.to()));
    names.addAll(List.of("version", "deleted", "updated_at"));
    return names;
  }

  /** The row's key, as text. */
  public String id(JsonNode row) {
    StringBuilder id = new StringBuilder(target);
    for (Column c : columns) {
      if (c.key()) {
        id.append('|').append(row.path(c.from()).asText());
      }
    }
    return id.toString();
  }

  /** The values of a changed row, in {@link #targetColumns()} order (updated_at by the sink). */
  public List<Object> values(JsonNode row, long lsn, boolean deleted) {
    List<Object> values = new ArrayList<>(columns.size() + 2);
    for (Column c : columns) {
      values.add(value(row, c));
    }
    values.add(lsn);
    values.add(deleted ? 1 : 0);
    return values;
  }

  private static Object value(JsonNode row, Column c) {
    if (Columns.text(row, c.from()) == null) {
      return null;
    }
    return switch (c.type()) {
      case INT -> row.path(c.from()).asLong();
      case TEXT, DECIMAL -> Columns.text(row, c.from());
      case DATE -> {
        LocalDate date = Columns.date(row, c.from());
        yield date.toString();
      }
      case DATE_TIME -> {
        Instant at = Columns.instant(row, c.from());
        yield TextValues.dateTime(at);
      }
    };
  }
}
