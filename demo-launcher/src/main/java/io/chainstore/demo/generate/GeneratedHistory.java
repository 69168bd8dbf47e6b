package io.chainstore.demo.generate;

import java.sql.Connection;
import java.sql.SQLException;

/** {@code ./chainstore generate}'s work: draws the history and COPYs it into PostgreSQL. */
public final class GeneratedHistory {

  /** What was written, how many rows were COPYed, and in how many seconds. */
  public record Loaded(HistorySummary summary, long rows, double seconds) {}

  private GeneratedHistory() {}

  /** Writes the history {@code options} describe into the empty chain database {@code c}. */
  public static Loaded load(Connection c, GenerateOptions options)
      throws SQLException, InterruptedException {
    long start = System.nanoTime();
    CopyLoader loader = new CopyLoader(c);
    HistorySummary summary = new ChainHistory(options).write(loader);
    loader.close();
    return new Loaded(summary, loader.loadedRows(), (System.nanoTime() - start) / 1e9);
  }
}
