package io.chainstore.demo.reconcile;

import io.chainstore.warehouse.ClickHouseClient;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Proves the ClickHouse figures equal what PostgreSQL says, table by table: every KPI bucket, every
 * ranking row, every copied dimension and target. A row whose figures are all zero counts as absent
 * on either side; numbers are compared as numbers.
 */
public final class Reconciler {

  /** The tables checked, with the columns that identify a row. */
  public static final List<TableCheck> CHECKS =
      List.of(
          new TableCheck("store_kpi", List.of("grain", "store_id", "channel", "bucket")),
          new TableCheck("sku_sales", List.of("store_id", "sku_id", "local_date")),
          new TableCheck("sku_chain_sales", List.of("sku_id", "local_date")),
          new TableCheck("store_dim", List.of("store_id")),
          new TableCheck("product_dim", List.of("product_id")),
          new TableCheck("sku_dim", List.of("sku_id")),
          new TableCheck("kpi_target", List.of("store_id", "period_type", "period_start")),
          new TableCheck("coupon_roi", List.of("template_id", "channel", "local_date")),
          new TableCheck("campaign_dim", List.of("campaign_id")),
          new TableCheck("coupon_template_dim", List.of("template_id")),
          new TableCheck("referral_rate_plan_dim", List.of("rate_plan_id")),
          new TableCheck("referral_commission", List.of("commission_id")),
          new TableCheck("member_tag", List.of("member_id", "tag")),
          new TableCheck("member_tag_count", List.of("tag")),
          new TableCheck("stock_level", List.of("sku_id", "location_id")),
          new TableCheck("transfer_suggestion", List.of("suggestion_id")));

  /** Opens a connection to PostgreSQL (the truth). */
  @FunctionalInterface
  public interface Postgres {
    Connection connect() throws SQLException;
  }

  private static final int EXAMPLES = 5;

  /**
   * The ClickHouse side of a big table (a year's hourly KPIs at 50M order lines: 23M rows) is
   * sorted on disk past 512 MiB rather than failing on the server's memory limit; the server may
   * take half an hour over it before the first row comes.
   */
  static final Map<String, String> BIG_SORT =
      Map.of("max_bytes_before_external_sort", "536870912", "max_execution_time", "1800");

  private final Postgres postgres;
  private final ClickHouseClient clickhouse;
  private final String defaultTimeZone;

  public Reconciler(Postgres postgres, ClickHouseClient clickhouse, String defaultTimeZone) {
    this.postgres = postgres;
    this.clickhouse = clickhouse;
    // A zone the query may quote: checked to be one.
    this.defaultTimeZone = ZoneId.of(defaultTimeZone).getId();
  }

  public Report run() {
    return run(CHECKS);
  }

  /** Checks only the tables named (and the order totals). */
  public Report run(List<TableCheck> checks) {
    List<TableResult> tables = new ArrayList<>();
    for (TableCheck check : checks) {
      tables.add(compare(check));
    }
    return new Report(tables, summary());
  }

  /**
   * The checks of the tables named, in {@link #CHECKS}' order.
   *
   * @throws IllegalArgumentException naming a table that is not checked, with those that are
   */
  public static List<TableCheck> checks(List<String> tables) {
    List<String> known = CHECKS.stream().map(TableCheck::table).toList();
    for (String table : tables) {
      if (!known.contains(table)) {
        throw new IllegalArgumentException(
            "--tables: no check for table '" + table + "'; checked: " + String.join(", ", known));
      }
    }
    return CHECKS.stream().filter(c -> tables.contains(c.table())).toList();
  }

  /**
   * Runs until everything matches or the timeout passes (the pipeline may still be catching up).
   */
  public Report awaitMatch(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Report report = run();
    while (!report.ok() && System.nanoTime() < deadline) {
      Thread.sleep(250);
      report = run();
    }
    return report;
  }

  /**
   * Compares one table: both sides sorted by their key columns as text (byte order), read as
   * streams and merged, so a chain's year is compared in bounded memory.
   */
  TableResult compare(TableCheck check) {
    long asOf = 0;
    if (check.clockSql() != null) {
      // Nothing evaluated yet reads as 0: nothing holds then, on either side.
      String clock = clickhouse.queryValue(check.clockSql());
      asOf = clock == null || clock.isEmpty() ? 0 : Long.parseLong(clock);
    }
    String pgSql =
        "SELECT * FROM ("
            + check.postgresSql(defaultTimeZone, asOf)
            + "\n) AS checked ORDER BY "
            + String.join(
                ", ", check.keyColumns().stream().map(k -> k + "::text COLLATE \"C\"").toList());
    String chSql =
        "SELECT * FROM ("
            + check.clickhouseSql().strip()
            + "\n) ORDER BY "
            + String.join(
                ", ", check.keyColumns().stream().map(k -> "toString(" + k + ")").toList());
    try (Connection c = postgres.connect();
        Statement s = streaming(c);
        ResultSet rs = s.executeQuery(pgSql);
        ClickHouseClient.RowStream chRows = clickhouse.stream(chSql, BIG_SORT)) {
      Iterator<Map<String, String>> pgRows = rows(rs);
      Keyed pg = next(check, pgRows);
      Keyed ch = next(check, chRows);
      long pgCount = 0;
      long chCount = 0;
      int differing = 0;
      List<String> examples = new ArrayList<>();
      while (pg != null || ch != null) {
        int order = pg == null ? 1 : ch == null ? -1 : compareKeys(pg.key, ch.key);
        String difference =
            difference(order <= 0 ? pg.values : null, order >= 0 ? ch.values : null);
        if (difference != null) {
          differing++;
          if (examples.size() < EXAMPLES) {
            List<String> key = order <= 0 ? pg.key : ch.key;
            examples.add(check.table() + " " + String.join("|", key) + ": " + difference);
          }
        }
        if (order <= 0) {
          pgCount++;
          pg = next(check, pgRows);
        }
        if (order >= 0) {
          chCount++;
          ch = next(check, chRows);
        }
      }
      return new TableResult(check.table(), (int) pgCount, (int) chCount, differing, examples);
    } catch (SQLException e) {
      throw new IllegalStateException("reconciliation query failed: " + e.getMessage(), e);
    }
  }

  /** A row's key (text of each key column) and its compared values. */
  private record Keyed(List<String> key, Map<String, String> values) {}

  /** The next row whose figures are not all zero or empty, or null at the end. */
  private static Keyed next(TableCheck check, Iterator<Map<String, String>> rows) {
    while (rows.hasNext()) {
      Map<String, String> values = new LinkedHashMap<>(rows.next());
      List<String> key = new ArrayList<>();
      for (String column : check.keyColumns()) {
        key.add(values.remove(column));
      }
      if (!values.values().stream().allMatch(Reconciler::zeroOrEmpty)) {
        return new Keyed(key, values);
      }
    }
    return null;
  }

  /** The order both queries sort in: column by column, as text, NULL last. */
  static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      int c = x == null ? (y == null ? 0 : 1) : y == null ? -1 : x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static Statement streaming(Connection c) throws SQLException {
    // PostgreSQL's driver streams a result only inside a transaction, with a fetch size.
    c.setAutoCommit(false);
    c.setReadOnly(true);
    Statement s = c.createStatement();
    s.setFetchSize(10_000);
    return s;
  }

  private static Iterator<Map<String, String>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    return new Iterator<>() {
      private Boolean ahead;

      @Override
      public boolean hasNext() {
        try {
          if (ahead == null) {
            ahead = rs.next();
          }
          return ahead;
        } catch (SQLException e) {
          throw new IllegalStateException("reconciliation query failed: " + e.getMessage(), e);
        }
      }

      @Override
      public Map<String, String> next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        ahead = null;
        try {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getString(i));
          }
          return row;
        } catch (SQLException e) {
          throw new IllegalStateException("reconciliation query failed: " + e.getMessage(), e);
        }
      }
    };
  }

  private static String difference(Map<String, String> pg, Map<String, String> ch) {
    if (pg == null) {
      return "only in ClickHouse " + ch;
    }
    if (ch == null) {
      return "only in PostgreSQL " + pg;
    }
    List<String> columns = new ArrayList<>();
    for (Map.Entry<String, String> column : pg.entrySet()) {
      String other = ch.get(column.getKey());
      if (!same(column.getValue(), other)) {
        columns.add(column.getKey() + " pg=" + column.getValue() + " ch=" + other);
      }
    }
    return columns.isEmpty() ? null : String.join(", ", columns);
  }

  static boolean same(String a, String b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean zeroOrEmpty(String value) {
    if (value == null || value.isEmpty()) {
      return true;
    }
    try {
      return new BigDecimal(value).signum() == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private List<Map<String, String>> postgresRows(String sql) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Connection c = postgres.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), rs.getString(i));
        }
        rows.add(row);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reconciliation query failed: " + e.getMessage(), e);
    }
    return rows;
  }

  /**
   * Paid orders and net sales of all business days, on each side. The store KPIs count a paid
   * repair on site (channel {@code onsite}) as a paid order with its total as net sales, so the
   * PostgreSQL side counts paid work orders too, by the rule of {@code store_kpi.postgres.sql}.
   */
  private Summary summary() {
    Map<String, String> pg =
        postgresRows(
                "SELECT count(*) AS orders, coalesce(sum(net), 0) AS sales FROM ("
                    + " SELECT net_amount AS net FROM sales_orders"
                    + " UNION ALL SELECT total_amount FROM work_orders"
                    + " WHERE status IN ('paid', 'completed') AND paid_at IS NOT NULL) paid")
            .get(0);
    Map<String, String> ch =
        clickhouse
            .query(
                "SELECT toInt64(sum(paid_orders)) AS orders, sum(net_sales) AS sales"
                    + " FROM store_kpi FINAL WHERE grain = 'day'")
            .get(0);
    return new Summary(
        Long.parseLong(pg.get("orders")),
        Long.parseLong(ch.get("orders")),
        new BigDecimal(pg.get("sales")).setScale(2),
        new BigDecimal(ch.get("sales")).setScale(2));
  }

  /** The totals line the demo has always ended with. */
  public record Summary(
      long ordersPg, long ordersCh, BigDecimal netSalesPg, BigDecimal netSalesCh) {}

  /** Every table's result and the totals. */
  public record Report(List<TableResult> tables, Summary summary) {

    public boolean ok() {
      return tables.stream().allMatch(TableResult::ok)
          && summary.ordersPg() == summary.ordersCh()
          && summary.netSalesPg().compareTo(summary.netSalesCh()) == 0;
    }

    /** A line per table, then {@code reconciliation: orders_pg=… status=OK|MISMATCH}. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      tables.forEach(t -> lines.add(t.line()));
      lines.add(
          "reconciliation: orders_pg=%d orders_ch=%d net_sales_pg=%s net_sales_ch=%s status=%s"
              .formatted(
                  summary.ordersPg(),
                  summary.ordersCh(),
                  summary.netSalesPg().toPlainString(),
                  summary.netSalesCh().toPlainString(),
                  ok() ? "OK" : "MISMATCH"));
      return lines;
    }

    public String summaryLine() {
      return lines().get(lines().size() - 1);
    }
  }
}
