package io.chainstore.demo.generate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads the generated history into PostgreSQL with COPY, one transaction per day, on a thread of
 * its own so drawing the next day overlaps loading this one. Coupons redeemed by an order are
 * COPYed into a temporary table and applied with one UPDATE, after their orders exist.
 */
final class CopyLoader implements HistoryRows {

  /** A flush before a day ends once this much is buffered, to bound memory on big days. */
  private static final int FLUSH_BYTES = 16 << 20;

  private static final Map<HistoryTable, String> SEQUENCES =
      Map.of(
          HistoryTable.LOCATIONS, "id",
          HistoryTable.PRODUCTS, "id",
          HistoryTable.SKUS, "id",
          HistoryTable.MEMBERS, "id",
          HistoryTable.CAMPAIGNS, "id",
          HistoryTable.COUPON_TEMPLATES, "id",
          HistoryTable.COUPONS, "id",
          HistoryTable.ORDERS, "id",
          HistoryTable.ORDER_RETURNS, "id");

  private record Batch(Map<HistoryTable, StringBuilder> rows, boolean commit) {}

  private static final Batch END = new Batch(Map.of(), true);

  private final Connection connection;
  private final CopyManager copy;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong loadedRows = new AtomicLong();
  private final Thread writer;
  private Map<HistoryTable, StringBuilder> buffers = new EnumMap<>(HistoryTable.class);
  private int buffered;

  CopyLoader(Connection connection) throws SQLException {
    this.connection = connection;
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    refuseNonEmpty(connection);
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      // The stock ledger's trigger wants every change to say why.
      s.execute("SELECT set_config('chainstore.stock_reason', 'generated history', false)");
      s.execute(
          "CREATE TEMPORARY TABLE generated_redemptions"
              + " (id bigint, order_id bigint, redeemed_at timestamptz)");
      s.execute(
          "CREATE TEMPORARY TABLE generated_sales"
              + " (sku_id bigint, location_id bigint, quantity integer)");
    }
    connection.commit();
    writer = new Thread(this::drain, "history-copy");
    writer.setDaemon(true);
    writer.start();
  }

  private static void refuseNonEmpty(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM locations) + (SELECT count(*) FROM members)")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new IllegalArgumentException(
            "generate writes a whole chain into an empty database; this one already has "
                + rs.getLong(1)
                + " locations and members");
      }
    }
  }

  @Override
  public void add(HistoryTable table, Object... values) {
    StringBuilder b = buffers.computeIfAbsent(table, t -> new StringBuilder(1 << 16));
    int before = b.length();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      Object v = values[i];
      if (v == null) {
        b.append("\\N");
      } else {
        escape(b, v.toString());
      }
    }
    b.append('\n');
    buffered += b.length() - before;
    if (buffered > FLUSH_BYTES) {
      hand(false);
    }
  }

  /** COPY's text format: backslash, tab and line breaks escaped. */
  private static void escape(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
  }

  @Override
  public void endOfDay(LocalDate day) {
    hand(true);
  }

  private void hand(boolean commit) {
    throwIfFailed();
    try {
      queue.put(new Batch(buffers, commit));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading", e);
    }
    buffers = new EnumMap<>(HistoryTable.class);
    buffered = 0;
  }

  private void drain() {
    try {
      while (true) {
        Batch batch = queue.take();
        if (batch == END) {
          return;
        }
        for (Map.Entry<HistoryTable, StringBuilder> e : batch.rows.entrySet()) {
          load(e.getKey(), e.getValue());
        }
        if (batch.commit) {
          connection.commit();
        }
      }
    } catch (Exception e) {
      failure.compareAndSet(null, e);
      queue.clear();
    }
  }

  private void load(HistoryTable table, StringBuilder rows) throws SQLException {
    String target =
        switch (table) {
          case REDEEMED -> "generated_redemptions";
          case STOCK_SALES -> "generated_sales";
          default -> table.table();
        };
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    CopyIn in =
        copy.copyIn("COPY " + target + " (" + String.join(", ", table.columns()) + ") FROM STDIN");
    try {
      in.writeToCopy(bytes, 0, bytes.length);
      loadedRows.addAndGet(in.endCopy());
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
    if (table == HistoryTable.REDEEMED) {
      try (Statement s = connection.createStatement()) {
        s.executeUpdate(
            "UPDATE coupons c SET status = 'redeemed', order_id = r.order_id,"
                + " redeemed_at = r.redeemed_at FROM generated_redemptions r WHERE c.id = r.id");
        s.executeUpdate("DELETE FROM generated_redemptions");
      }
    }
    if (table == HistoryTable.STOCK_SALES) {
      try (Statement s = connection.createStatement()) {
        // for this transaction only: the ledger records these as sales
        s.execute("SELECT set_config('chainstore.stock_reason', 'sale', true)");
        s.execute(
            "SELECT set_config('chainstore.stock_document', 'generated: the last week''s sales',"
                + " true)");
        s.executeUpdate(
            "UPDATE stock s SET on_hand = s.on_hand - g.quantity, updated_at = now()"
                + " FROM generated_sales g"
                + " WHERE s.sku_id = g.sku_id AND s.location_id = g.location_id");
        s.executeUpdate("DELETE FROM generated_sales");
      }
    }
  }

  /** Rows COPYed so far. */
  long loadedRows() {
    return loadedRows.get();
  }

  private void throwIfFailed() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("loading the history failed: " + e.getMessage(), e);
    }
  }

  /** Waits for the last day, moves the id sequences past the rows written and analyzes. */
  void close() throws SQLException, InterruptedException {
    if (failure.get() == null) {
      queue.put(END);
    }
    writer.join();
    throwIfFailed();
    try (Statement s = connection.createStatement()) {
      for (Map.Entry<HistoryTable, String> e : SEQUENCES.entrySet()) {
        String table = e.getKey().table();
        s.execute(
            "SELECT setval(pg_get_serial_sequence('%s', '%s'), greatest(1, (SELECT max(%s) FROM %s)))"
                .formatted(table, e.getValue(), e.getValue(), table));
      }
      connection.commit();
      connection.setAutoCommit(true);
      s.execute("ANALYZE");
    }
  }
}
