package io.chainstore.demo.reconcile;

import java.util.List;

/** How one table compared: rows on each side, rows that differ, and a few of them. */
public record TableResult(
    String table, int rowsPostgres, int rowsClickHouse, int differing, List<String> examples) {

  public boolean ok() {
    return differing == 0;
  }

  /** {@code reconciliation: table=<name> …}, then an indented line per example. */
  public String line() {
    StringBuilder out =
        new StringBuilder(
            "reconciliation: table=%s rows_pg=%d rows_ch=%d differing=%d status=%s"
                .formatted(
                    table, rowsPostgres, rowsClickHouse, differing, ok() ? "OK" : "MISMATCH"));
    for (String example : examples) {
      out.append("\n  ").append(example);
    }
    return out.toString();
  }
}
