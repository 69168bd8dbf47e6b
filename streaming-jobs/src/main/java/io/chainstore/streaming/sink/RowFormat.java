package io.chainstore.streaming.sink;

import java.io.Serializable;
import java.util.List;

/** How a job's rows are written to ClickHouse: which table, which columns, which values. */
public interface RowFormat<T> extends Serializable {

  String table(T row);

  List<String> columns(String table);

  /** The row's key: within a batch only the newest row of each key is sent. */
  String id(T row);

  /**
   * The values in column order; {@code writtenAt} is the time of writing, formatted once per batch
   * ({@link TextValues#dateTime}).
   */
  List<Object> values(T row, String writtenAt);
}
