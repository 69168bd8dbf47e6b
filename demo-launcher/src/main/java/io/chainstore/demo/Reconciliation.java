package io.chainstore.demo;

import io.chainstore.ingestion.LocalPostgres;
import io.chainstore.warehouse.ClickHouseClient;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the KPIs in ClickHouse with the orders in PostgreSQL: the totals, and every (store,
 * channel, minute) bucket. PostgreSQL is the truth.
 */
final class Reconciliation {

  /** Paid orders, net sales, units of one bucket. */
  record Figures(long orders, BigDecimal netSales, long units) {}

  record Result(
      long ordersPg,
      long ordersCh,
      BigDecimal netSalesPg,
      BigDecimal netSalesCh,
      int bucketsDiffering) {
    boolean ok() {
      return ordersPg == ordersCh && netSalesPg.compareTo(netSalesCh) == 0 && bucketsDiffering == 0;
    }

    String line() {
      return "reconciliation: orders_pg=%d orders_ch=%d net_sales_pg=%s net_sales_ch=%s status=%s"
          .formatted(
              ordersPg,
              ordersCh,
              netSalesPg.toPlainString(),
              netSalesCh.toPlainString(),
              ok() ? "OK" : "MISMATCH");
    }
  }

  private Reconciliation() {}

  static Result compare(LocalPostgres postgres, ClickHouseClient clickhouse) {
    Map<String, Figures> pg = postgresBuckets(postgres);
    Map<String, Figures> ch = clickhouseBuckets(clickhouse);
    int differing = 0;
    for (String key : union(pg, ch)) {
      if (!same(pg.get(key), ch.get(key))) {
        differing++;
      }
    }
    Map<String, String> chDay =
        clickhouse
            .query(
                "SELECT toInt64(sum(paid_orders)) AS orders, sum(net_sales) AS sales"
                    + " FROM store_kpi FINAL WHERE grain = 'day'")
            .get(0);
    Figures pgTotal = total(pg);
    return new Result(
        pgTotal.orders(),
        Long.parseLong(chDay.get("orders")),
        pgTotal.netSales().setScale(2),
        new BigDecimal(chDay.get("sales")).setScale(2),
        differing);
  }

  /** Polls until ClickHouse has caught up with PostgreSQL, or the timeout passes. */
  static Result awaitMatch(LocalPostgres postgres, ClickHouseClient clickhouse, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Result result = compare(postgres, clickhouse);
    while (!result.ok() && System.nanoTime() < deadline) {
      ChildProcess.sleep(250);
      result = compare(postgres, clickhouse);
    }
    return result;
  }

  private static Map<String, Figures> postgresBuckets(LocalPostgres postgres) {
    Map<String, Figures> out = new TreeMap<>();
    // sales_orders is the service's own definition of a sale, net of refunds.
    String sql =
        "SELECT store_id, channel,"
            + " to_char(date_trunc('minute', paid_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD HH24:MI:SS') AS minute,"
            + " count(*) AS orders, sum(net_amount) AS sales, sum(net_units) AS units"
            + " FROM sales_orders GROUP BY 1, 2, 3";
    try (Connection c = postgres.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(
            rs.getLong("store_id") + "|" + rs.getString("channel") + "|" + rs.getString("minute"),
            new Figures(rs.getLong("orders"), rs.getBigDecimal("sales"), rs.getLong("units")));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static Map<String, Figures> clickhouseBuckets(ClickHouseClient clickhouse) {
    Map<String, Figures> out = new TreeMap<>();
    for (Map<String, String> row :
        clickhouse.query(
            "SELECT store_id, channel, toString(bucket_start) AS minute, paid_orders, net_sales, units"
                + " FROM store_kpi FINAL WHERE grain = 'minute'"
                + " AND (paid_orders != 0 OR net_sales != 0 OR units != 0)")) {
      out.put(
          row.get("store_id") + "|" + row.get("channel") + "|" + row.get("minute"),
          new Figures(
              Long.parseLong(row.get("paid_orders")),
              new BigDecimal(row.get("net_sales")),
              Long.parseLong(row.get("units"))));
    }
    return out;
  }

  private static Figures total(Map<String, Figures> buckets) {
    long orders = 0;
    long units = 0;
    BigDecimal sales = BigDecimal.ZERO;
    for (Figures f : buckets.values()) {
      orders += f.orders();
      units += f.units();
      sales = sales.add(f.netSales());
    }
    return new Figures(orders, sales, units);
  }

  private static java.util.Set<String> union(Map<String, Figures> a, Map<String, Figures> b) {
    java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static boolean same(Figures a, Figures b) {
    return a != null
        && b != null
        && a.orders() == b.orders()
        && a.units() == b.units()
        && a.netSales().compareTo(b.netSales()) == 0;
  }
}
