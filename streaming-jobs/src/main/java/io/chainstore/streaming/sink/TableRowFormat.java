package io.chainstore.streaming.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes {@link TableRow}s to the tables they name, with {@code updated_at} last. */
public final class TableRowFormat implements RowFormat<TableRow> {

  private final Map<String, List<String>> columns;

  /** The columns of each table, {@code updated_at} last. */
  public TableRowFormat(Map<String, List<String>> columns) {
    this.columns = Map.copyOf(columns);
  }

  @Override
  public String table(TableRow row) {
    return row.table();
  }

  @Override
  public List<String> columns(String table) {
    return columns.get(table);
  }

  @Override
  public String id(TableRow row) {
    return row.id();
  }

  @Override
  public List<Object> values(TableRow row, String writtenAt) {
    List<Object> values = new ArrayList<>(row.values());
    values.add(writtenAt);
    return values;
  }
}
