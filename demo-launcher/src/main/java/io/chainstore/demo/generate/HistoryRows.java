package io.chainstore.demo.generate;

import java.time.LocalDate;

/** Where the generated history goes, a day at a time. */
interface HistoryRows {

  /** One row of {@code table}; values in its column order, null for SQL NULL. */
  void add(HistoryTable table, Object... values);

  /** Everything of {@code day} (and before) has been added: it may be stored as one unit. */
  void endOfDay(LocalDate day);
}
