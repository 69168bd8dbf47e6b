package io.chainstore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigratorIT {

  private final ClickHouseClient client =
      new ClickHouseClient(
          ClickHouseSettings.of(
              SharedClickHouse.server().url(), SharedClickHouse.uniqueDatabase()));

  @Test
  void appliesEachMigrationOnceInOrder() {
    Migrator migrator = new Migrator(client);
    // Given out of order on purpose: the migrator sorts by version.
    List<Migration> migrations =
        List.of(
            Migration.parse("V2__insert.sql", "INSERT INTO log (step) SELECT 'second';"),
            Migration.parse(
                "V1__create.sql",
                "CREATE TABLE log (step String, at DateTime DEFAULT now())"
                    + " ENGINE = MergeTree ORDER BY at;\nINSERT INTO log (step) SELECT 'first';"));

    assertThat(migrator.migrate(migrations)).extracting(Migration::version).containsExactly(1, 2);
    assertThat(migrator.migrate(migrations)).isEmpty();

    assertThat(client.query("SELECT step FROM log ORDER BY step"))
        .extracting(row -> row.get("step"))
        .containsExactly("first", "second");
    assertThat(migrator.appliedVersions()).containsExactly(1, 2);
  }

  @Test
  void refusesAChangedMigration() {
    Migrator migrator = new Migrator(client);
    migrator.migrate(
        List.of(Migration.parse("V1__t.sql", "CREATE TABLE t (x UInt8) ENGINE = Memory;")));

    assertThatThrownBy(
            () ->
                migrator.migrate(
                    List.of(
                        Migration.parse(
                            "V1__t.sql", "CREATE TABLE t (x UInt16) ENGINE = Memory;"))))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("V1 was changed");
  }

  @Test
  void shippedSchemaAppliesAndTheKpiViewDeduplicates() {
    Migrator migrator = new Migrator(client);
    assertThat(migrator.migrate()).isNotEmpty();
    assertThat(migrator.migrate()).isEmpty();

    List<String> columns =
        List.of(
            "grain",
            "store_id",
            "channel",
            "bucket_start",
            "bucket_end",
            "local_date",
            "net_sales",
            "paid_orders",
            "units",
            "version",
            "updated_at");
    // Two versions of one key: the view must show only the newer one.
    client.insert(
        WarehouseTables.STORE_KPI,
        columns,
        List.of(
            List.of(
                "minute",
                1,
                "pos",
                "2026-11-27 10:00:00",
                "2026-11-27 10:01:00",
                "2026-11-27",
                "10.00",
                1,
                2,
                1,
                "2026-11-27 10:00:01"),
            List.of(
                "minute",
                1,
                "pos",
                "2026-11-27 10:00:00",
                "2026-11-27 10:01:00",
                "2026-11-27",
                "30.50",
                2,
                3,
                2,
                "2026-11-27 10:00:02")));

    List<Map<String, String>> rows =
        client.query("SELECT net_sales, paid_orders, avg_order_value FROM store_kpi_current");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("net_sales", "30.50")
        .containsEntry("paid_orders", "2")
        .containsEntry("avg_order_value", "15.25");
  }

  @Test
  void theNewestRowViewsKeepWhatFinalKeeps() {
    new Migrator(client).migrate();
    List<String> columns = WarehouseTables.SKU_CHAIN_SALES_COLUMNS;
    // A higher version wins whatever the order of inserts; among equal versions the later insert
    // wins (a batch whose changes all had lower LSNs than the row's newest), as with FINAL.
    client.insert(
        WarehouseTables.SKU_CHAIN_SALES,
        columns,
        List.of(
            List.of(7, "2026-11-27", "9.00", 3, 20, "2026-11-27 10:00:00"),
            List.of(8, "2026-11-27", "5.00", 1, 30, "2026-11-27 10:00:00")));
    client.insert(
        WarehouseTables.SKU_CHAIN_SALES,
        columns,
        List.of(
            List.of(7, "2026-11-27", "4.00", 1, 10, "2026-11-27 10:00:01"),
            List.of(8, "2026-11-27", "6.50", 2, 30, "2026-11-27 10:00:01")));
    String newest =
        "SELECT sku_id, toString(net_sales) AS net_sales, units FROM sku_sales_chain_day"
            + " WHERE local_date = '2026-11-27' ORDER BY sku_id";
    List<Map<String, String>> expected =
        List.of(
            Map.of("sku_id", "7", "net_sales", "9.00", "units", "3"),
            Map.of("sku_id", "8", "net_sales", "6.50", "units", "2"));
    assertThat(client.query(newest)).isEqualTo(expected);
    assertThat(
            client.query(
                "SELECT sku_id, toString(net_sales) AS net_sales, units FROM sku_chain_sales FINAL"
                    + " ORDER BY sku_id"))
        .isEqualTo(expected);
    // and after the parts are merged into one
    client.execute("OPTIMIZE TABLE sku_chain_sales FINAL");
    assertThat(client.query(newest)).isEqualTo(expected);
  }

  @Test
  void memberTagCountsShowEachTagsNewestCountAndHideTagsNobodyHolds() {
    new Migrator(client).migrate();
    List<String> columns = List.of("tag", "members", "version", "updated_at");
    client.insert(
        "member_tag_count",
        columns,
        List.of(
            List.of("active", 5, 1_000, "2026-11-27 10:00:00"),
            List.of("lapsing", 2, 1_000, "2026-11-27 10:00:00")));
    // A replay writes a second again (the later insert wins), an older second changes nothing, and
    // a tag whose last member left is not shown.
    client.insert(
        "member_tag_count",
        columns,
        List.of(
            List.of("active", 7, 1_000, "2026-11-27 10:00:01"),
            List.of("active", 3, 900, "2026-11-27 10:00:01"),
            List.of("lapsing", 0, 2_000, "2026-11-27 10:00:01")));
    List<Map<String, String>> expected = List.of(Map.of("tag", "active", "members", "7"));
    String counts = "SELECT tag, members FROM member_tag_counts ORDER BY tag";
    assertThat(client.query(counts)).isEqualTo(expected);
    client.execute("OPTIMIZE TABLE member_tag_count FINAL");
    assertThat(client.query(counts)).isEqualTo(expected);
  }

  @Test
  void kpiTargetProgressReadsMonthRowsForMonthsAndDayRowsForDays() {
    new Migrator(client).migrate();
    List<String> kpi =
        List.of(
            "grain",
            "store_id",
            "channel",
            "bucket_start",
            "bucket_end",
            "local_date",
            "utc_offset",
            "net_sales",
            "paid_orders",
            "new_members",
            "version",
            "updated_at");
    client.insert(
        WarehouseTables.STORE_KPI,
        kpi,
        List.of(
            kpi("day", 1, "pos", "2025-03-02", "100.00", 4, 1, 1),
            kpi("day", 1, "online", "2025-03-02", "20.50", 1, 0, 1),
            kpi("day", 1, "pos", "2025-03-31", "10.00", 1, 2, 1),
            kpi("day", 2, "pos", "2025-03-02", "999.00", 9, 9, 1),
            kpi("month", 1, "pos", "2025-03-01", "110.00", 5, 3, 2),
            kpi("month", 1, "online", "2025-03-01", "20.50", 1, 0, 1),
            // April has only its month row: a month target reads month rows, not days.
            kpi("month", 1, "pos", "2025-04-01", "7.00", 1, 0, 1),
            kpi("month", 2, "pos", "2025-03-01", "999.00", 9, 9, 1)));
    // An older version of March at the till, written later: the newest version counts.
    client.insert(
        WarehouseTables.STORE_KPI,
        kpi,
        List.of(kpi("month", 1, "pos", "2025-03-01", "60.00", 2, 1, 1)));
    client.insert(
        "kpi_target",
        List.of(
            "store_id",
            "period_type",
            "period_start",
            "net_sales",
            "orders",
            "new_members",
            "version",
            "deleted",
            "updated_at"),
        List.of(
            target(1, "day", "2025-03-02", "100.00", 0),
            target(1, "month", "2025-03-01", "200.00", 0),
            target(1, "month", "2025-04-01", "50.00", 0),
            target(1, "month", "2099-01-01", "50.00", 0),
            target(3, "day", "2025-03-02", "10.00", 0),
            target(2, "month", "2025-03-01", "10.00", 1)));

    assertThat(
            client.query(
                "SELECT store_id, period_type, toString(period_start) AS period_start,"
                    + " toString(achieved_net_sales) AS achieved, achieved_orders AS orders,"
                    + " achieved_new_members AS members, toString(elapsed) AS elapsed,"
                    + " ifNull(toString(projected_net_sales), 'none') AS projected"
                    + " FROM kpi_target_progress ORDER BY store_id, period_type, period_start"))
        .containsExactly(
            progress(1, "day", "2025-03-02", "120.50", 5, 1, "1", "120.5"),
            progress(1, "month", "2025-03-01", "130.50", 6, 3, "1", "130.5"),
            progress(1, "month", "2025-04-01", "7.00", 1, 0, "1", "7"),
            progress(1, "month", "2099-01-01", "0.00", 0, 0, "0", "none"),
            progress(3, "day", "2025-03-02", "0.00", 0, 0, "1", "0"));
  }

  private static List<Object> kpi(
      String grain,
      long store,
      String channel,
      String date,
      String netSales,
      int orders,
      int members,
      long version) {
    return List.of(
        grain,
        store,
        channel,
        date + " 00:00:00",
        date + " 23:59:59",
        date,
        3600,
        netSales,
        orders,
        members,
        version,
        "2025-04-02 00:00:00");
  }

  private static List<Object> target(
      long store, String type, String start, String netSales, int deleted) {
    return List.of(store, type, start, netSales, 10, 1, 1, deleted, "2025-01-01 00:00:00");
  }

  private static Map<String, String> progress(
      long store,
      String type,
      String start,
      String achieved,
      int orders,
      int members,
      String elapsed,
      String projected) {
    return Map.of(
        "store_id",
        Long.toString(store),
        "period_type",
        type,
        "period_start",
        start,
        "achieved",
        achieved,
        "orders",
        Integer.toString(orders),
        "members",
        Integer.toString(members),
        "elapsed",
        elapsed,
        "projected",
        projected);
  }
}
