package io.chainstore.demo;

import io.chainstore.warehouse.ClickHouseClient;
import java.util.List;
import java.util.Map;

/** What the demo prints at the end: the day as HQ would look at it, all read from ClickHouse. */
final class DemoReport {

  private final ClickHouseClient clickhouse;

  DemoReport(ClickHouseClient clickhouse) {
    this.clickhouse = clickhouse;
  }

  void print(TradingSimulator.Stats stats) {
    System.out.println();
    System.out.println("== Trading day ==");
    System.out.printf(
        "orders created %d, paid %d, cancelled before payment %d, refunded %d, partly returned %d,"
            + " rejected (no stock) %d, coupons used %d, points spent on %d orders%n",
        stats.created(),
        stats.paid(),
        stats.cancelledUnpaid(),
        stats.refunded(),
        stats.returned(),
        stats.rejected(),
        stats.couponsUsed(),
        stats.pointsSpent());

    section("Store KPIs today (each store's business day)");
    table(
        "SELECT store_id AS store, toString(local_date) AS day, gross_sales AS gross,"
            + " member_discount + coupon_discount + points_discount AS discounts, refunds,"
            + " net_sales AS net, paid_orders AS orders, units,"
            + " if(paid_orders = 0, 0, round(toFloat64(net_sales) / paid_orders, 2)) AS avg_order,"
            + " if(paid_orders = 0, 0, round(units / paid_orders, 2)) AS upt,"
            + " if(net_sales = 0, 0, round(toFloat64(member_net_sales) / toFloat64(net_sales) * 100, 1))"
            + " AS member_pct, new_members"
            + " FROM store_day"
            + " WHERE store_id != 0 AND (store_id, local_date) IN"
            + " (SELECT store_id, max(local_date) FROM store_day GROUP BY store_id)"
            + " ORDER BY store_id");
    System.out.println(
        "members who joined online today (no store): "
            + clickhouse.queryValue(
                "SELECT toInt64(sum(new_members)) FROM store_day WHERE store_id = 0"
                    + " AND local_date = (SELECT max(local_date) FROM store_day WHERE store_id = 0)"));

    section("Targets today (achieved, and projected to the end of the day at the pace so far)");
    table(
        "SELECT store_id AS store, toString(period_start) AS day, target_net_sales AS target,"
            + " achieved_net_sales AS achieved, round(net_sales_pct, 1) AS pct,"
            + " round(projected_net_sales, 2) AS projected"
            + " FROM kpi_target_progress WHERE period_type = 'day' AND achieved_net_sales > 0"
            + " ORDER BY store_id");

    section("Top 3 products per store today");
    table(
        "SELECT store_id AS store, sku_name AS product, category, net_sales AS net, units"
            + " FROM sku_sales_day"
            + " WHERE (store_id, local_date) IN (SELECT store_id, max(local_date) FROM store_day GROUP BY store_id)"
            + " ORDER BY store_id, net_sales DESC, sku_id LIMIT 3 BY store_id");

    section("Open transfer suggestions");
    table(
        "SELECT to_location_id AS to_store, from_location_id AS from_location, sku_id AS sku,"
            + " quantity, position, reorder_point, velocity_per_day AS per_day"
            + " FROM open_transfer_suggestions ORDER BY to_location_id, sku_id");

    section("Campaign ROI");
    table(
        "SELECT campaign_code AS campaign, issued, redeemed, released,"
            + " round(redemption_rate * 100, 1) AS redeemed_pct, discount_cost AS cost,"
            + " attributed_net_sales AS attributed_sales, round(roi, 2) AS roi"
            + " FROM campaign_roi ORDER BY campaign_id");

    section("Member tags");
    table("SELECT tag, members FROM member_tag_counts ORDER BY members DESC, tag");
  }

  private static void section(String title) {
    System.out.println();
    System.out.println("== " + title + " ==");
  }

  /** Prints the rows in aligned columns, or "(none)". */
  private void table(String sql) {
    List<Map<String, String>> rows = clickhouse.query(sql);
    if (rows.isEmpty()) {
      System.out.println("(none)");
      return;
    }
    List<String> columns = List.copyOf(rows.get(0).keySet());
    int[] widths = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      widths[i] = columns.get(i).length();
      for (Map<String, String> row : rows) {
        widths[i] = Math.max(widths[i], text(row.get(columns.get(i))).length());
      }
    }
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      header.append(String.format("%-" + (widths[i] + 2) + "s", columns.get(i)));
    }
    System.out.println(header.toString().stripTrailing());
    for (Map<String, String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns.size(); i++) {
        line.append(String.format("%-" + (widths[i] + 2) + "s", text(row.get(columns.get(i)))));
      }
      System.out.println(line.toString().stripTrailing());
    }
  }

  private static String text(String value) {
    return value == null || value.equals("\\N") ? "-" : value;
  }
}
