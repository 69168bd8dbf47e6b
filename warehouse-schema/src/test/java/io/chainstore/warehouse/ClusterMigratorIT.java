package io.chainstore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.local.LocalClickHouseCluster;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped migrations applied in cluster mode to ZooKeeper and two replicas of one shard, next
 * to the same migrations applied to a single server's database (on replica 0, as a plain server:
 * the same inserts there give the figures the cluster must give).
 */
class ClusterMigratorIT {

  private static final String SCHEMA = SharedClickHouse.uniqueDatabase();
  private static final String SINGLE = SharedClickHouse.uniqueDatabase();

  private static Path dir;
  private static LocalClickHouseCluster cluster;
  private static List<Migration> applied;

  @BeforeAll
  static void startTheClusterAndMigrateIt() throws IOException {
    dir = Files.createTempDirectory("chainstore-cluster-");
    cluster = LocalClickHouseCluster.start(dir);
    applied = new Migrator(client(0, SCHEMA), cluster.name()).migrate();
    new Migrator(client(0, SINGLE)).migrate();
  }

  @AfterAll
  static void stopTheCluster() {
    if (cluster != null) {
      cluster.close();
    }
    SharedClickHouse.deleteRecursively(dir);
  }

  @Test
  void everyTableIsReplicatedOnBothReplicasBehindADistributedTableOfItsName() {
    assertThat(applied)
        .extracting(Migration::version)
        .isEqualTo(
            Migrator.loadFromClasspath(Migrator.CLASSPATH_LOCATION).stream()
                .map(Migration::version)
                .toList());
    Map<String, String> expected = new HashMap<>();
    engines(0, SINGLE)
        .forEach(
            (name, engine) -> {
              if (engine.equals("View")) {
                expected.put(name, "View");
              } else {
                expected.put(name, "Distributed");
                expected.put(name + ClusterDdl.LOCAL_SUFFIX, "Replicated" + engine);
              }
            });
    assertThat(expected).containsEntry("store_kpi_local", "ReplicatedReplacingMergeTree");
    assertThat(expected).containsEntry("schema_migrations_local", "ReplicatedMergeTree");
    assertThat(expected).containsEntry("store_day", "View");
    // and each table and view has the columns of the single server's, in order
    Map<String, List<String>> columns = columns(0, SINGLE);
    for (int replica = 0; replica < 2; replica++) {
      assertThat(engines(replica, SCHEMA)).as("replica %d", replica).isEqualTo(expected);
      Map<String, List<String>> onCluster = columns(replica, SCHEMA);
      for (String name : expected.keySet()) {
        String ofSingle = name.replaceFirst(ClusterDdl.LOCAL_SUFFIX + "$", "");
        assertThat(onCluster.get(name)).as(name).isNotEmpty().isEqualTo(columns.get(ofSingle));
      }
    }
  }

  @Test
  void migratingAgainThroughTheOtherReplicaAppliesNothing() {
    Migrator throughReplica1 = new Migrator(client(1, SCHEMA), cluster.name());
    assertThat(throughReplica1.migrate()).isEmpty();
    assertThat(throughReplica1.appliedVersions())
        .isEqualTo(applied.stream().map(Migration::version).toList());
  }

  @Test
  void theViewsOnReplica1ShowWhatASingleServerShowsForRowsWrittenThroughReplica0() {
    for (String database : List.of(SCHEMA, SINGLE)) {
      ClickHouseClient writer = client(0, database);
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
      writer.insert(
          WarehouseTables.STORE_KPI,
          kpi,
          List.of(
              kpi("minute", 1, "pos", "2025-03-02 10:00:00", "10.00", 1, 1),
              kpi("day", 1, "pos", "2025-03-02 00:00:00", "100.00", 4, 1),
              kpi("day", 1, "online", "2025-03-02 00:00:00", "20.50", 1, 1),
              kpi("day", 2, "pos", "2025-03-02 00:00:00", "999.00", 9, 1),
              kpi("month", 1, "pos", "2025-03-01 00:00:00", "110.00", 5, 2)));
      // Newer versions of two keys and an older one of a third, in a later insert.
      writer.insert(
          WarehouseTables.STORE_KPI,
          kpi,
          List.of(
              kpi("minute", 1, "pos", "2025-03-02 10:00:00", "30.50", 2, 2),
              kpi("day", 1, "pos", "2025-03-02 00:00:00", "130.00", 5, 2),
              kpi("month", 1, "pos", "2025-03-01 00:00:00", "60.00", 2, 1)));
      writer.insert(
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
              List.of(1, "day", "2025-03-02", "100.00", 10, 1, 1, 0, "2025-01-01 00:00:00"),
              List.of(1, "month", "2025-03-01", "200.00", 10, 1, 1, 0, "2025-01-01 00:00:00")));
      List<String> sku = WarehouseTables.SKU_CHAIN_SALES_COLUMNS;
      writer.insert(
          WarehouseTables.SKU_CHAIN_SALES,
          sku,
          List.of(List.of(7, "2025-03-02", "9.00", 3, 20, "2025-03-02 10:00:00")));
      // An equal version written later wins, as with FINAL.
      writer.insert(
          WarehouseTables.SKU_CHAIN_SALES,
          sku,
          List.of(List.of(7, "2025-03-02", "4.00", 1, 20, "2025-03-02 10:00:01")));
      writer.insert(
          "sku_dim",
          List.of("sku_id", "product_id", "code", "name", "price", "version", "deleted"),
          List.of(List.of(7, 70, "SKU-7", "Brake pads", "25.00", 1, 0)));
      writer.insert(
          "product_dim",
          List.of("product_id", "code", "name", "kind", "category", "version", "deleted"),
          List.of(List.of(70, "P-70", "Brake pads", "goods", "brakes", 1, 0)));
    }
    syncReplica(
        1,
        SCHEMA,
        "store_kpi",
        "kpi_target",
        WarehouseTables.SKU_CHAIN_SALES,
        "sku_dim",
        "product_dim");

    ClickHouseClient onReplica1 = client(1, SCHEMA);
    ClickHouseClient single = client(0, SINGLE);
    List<String> reads =
        List.of(
            "SELECT grain, store_id, channel, toString(net_sales) AS net_sales, paid_orders,"
                + " toString(avg_order_value) AS aov FROM store_kpi_current"
                + " ORDER BY grain, store_id, channel",
            "SELECT * FROM store_kpi_minute ORDER BY store_id, channel, bucket_start",
            "SELECT * FROM store_day ORDER BY store_id, local_date",
            "SELECT * FROM chain_day ORDER BY local_date",
            "SELECT * FROM store_month ORDER BY store_id, month",
            "SELECT store_id, period_type, toString(achieved_net_sales) AS achieved,"
                + " toString(net_sales_pct) AS pct FROM kpi_target_progress"
                + " ORDER BY store_id, period_type",
            "SELECT * FROM sku_sales_chain_day ORDER BY sku_id, local_date",
            // as the dashboards and the reconciliation read tables
            "SELECT store_id, toString(sum(net_sales)) AS net_sales FROM store_kpi FINAL"
                + " WHERE grain = 'day' GROUP BY store_id ORDER BY store_id");
    for (String read : reads) {
      List<Map<String, String>> rows = onReplica1.query(read);
      assertThat(rows).as(read).isNotEmpty().isEqualTo(single.query(read));
    }
    assertThat(onReplica1.query(reads.get(0)))
        .extracting(
            row -> row.get("grain") + " " + row.get("store_id") + " " + row.get("net_sales"))
        .containsExactly(
            "day 1 20.50", "day 1 130.00", "day 2 999.00", "minute 1 30.50", "month 1 110.00");
    assertThat(onReplica1.queryValue("SELECT toString(net_sales) FROM sku_sales_chain_day"))
        .isEqualTo("4.00");
  }

  @Test
  void aMaterializedViewCountsEachRowOnceWhicheverReplicaTookIt() {
    String database = SharedClickHouse.uniqueDatabase();
    new Migrator(client(0, database), cluster.name())
        .migrate(
            List.of(
                Migration.parse(
                    "V1__sales.sql",
                    """
                    CREATE TABLE sale (store_id Int64, amount Decimal(18, 2))
                    ENGINE = MergeTree ORDER BY store_id;

                    CREATE TABLE store_sales (store_id Int64, sales UInt64, amount Decimal(38, 2))
                    ENGINE = SummingMergeTree ORDER BY store_id;

                    CREATE MATERIALIZED VIEW store_sales_mv TO store_sales AS
                    SELECT store_id, count() AS sales, sum(amount) AS amount
                    FROM sale GROUP BY store_id;
                    """)));
    List<String> columns = List.of("store_id", "amount");
    client(0, database)
        .insert(
            "sale", columns, List.of(List.of(1, "1.50"), List.of(1, "2.00"), List.of(2, "3.00")));
    client(1, database).insert("sale", columns, List.of(List.of(1, "0.25")));
    for (int replica = 0; replica < 2; replica++) {
      syncReplica(replica, database, "sale", "store_sales");
    }

    String totals =
        "SELECT store_id, sum(sales) AS sales, toString(sum(amount)) AS amount FROM %s"
            + " GROUP BY store_id ORDER BY store_id";
    List<Map<String, String>> expected =
        List.of(
            Map.of("store_id", "1", "sales", "3", "amount", "3.75"),
            Map.of("store_id", "2", "sales", "1", "amount", "3.00"));
    for (int replica = 0; replica < 2; replica++) {
      ClickHouseClient client = client(replica, database);
      assertThat(client.query(totals.formatted("store_sales"))).isEqualTo(expected);
      assertThat(client.query(totals.formatted("store_sales_local"))).isEqualTo(expected);
    }
  }

  @Test
  void aKilledReplicaCatchesUpWithWhatWasWrittenWhileItWasDown() throws InterruptedException {
    List<String> columns = List.of("member_id", "tag", "active", "version");
    client(0, SCHEMA).insert("member_tag", columns, List.of(List.of(1, "active", 1, 1)));
    syncReplica(1, SCHEMA, "member_tag");

    cluster.kill(1);
    List<List<Object>> whileDown = new ArrayList<>();
    for (int member = 2; member <= 4; member++) {
      whileDown.add(List.of(member, "lapsing", 1, 1));
    }
    client(0, SCHEMA).insert("member_tag", columns, whileDown);
    cluster.restart(1);
    syncReplica(1, SCHEMA, "member_tag");

    String rows = "SELECT member_id, tag FROM member_tag_local ORDER BY member_id";
    assertThat(client(1, SCHEMA).query(rows)).hasSize(4).isEqualTo(client(0, SCHEMA).query(rows));
  }

  private static ClickHouseClient client(int replica, String database) {
    return new ClickHouseClient(ClickHouseSettings.of(cluster.replica(replica).url(), database));
  }

  /** Waits until the replica has fetched every part the others have of these tables. */
  private static void syncReplica(int replica, String database, String... tables) {
    for (String table : tables) {
      client(replica, database)
          .execute("SYSTEM SYNC REPLICA " + database + "." + table + ClusterDdl.LOCAL_SUFFIX);
    }
  }

  /** Tables and views of a database by name, with their engines. */
  private static Map<String, String> engines(int replica, String database) {
    Map<String, String> engines = new HashMap<>();
    for (Map<String, String> row :
        client(replica, database)
            .query("SELECT name, engine FROM system.tables WHERE database = currentDatabase()")) {
      engines.put(row.get("name"), row.get("engine"));
    }
    return engines;
  }

  /** The columns of each table and view of a database, as "name type", in order. */
  private static Map<String, List<String>> columns(int replica, String database) {
    Map<String, List<String>> columns = new HashMap<>();
    for (Map<String, String> row :
        client(replica, database)
            .query(
                "SELECT table, name, type FROM system.columns WHERE database = currentDatabase()")) {
      columns
          .computeIfAbsent(row.get("table"), table -> new ArrayList<>())
          .add(row.get("name") + " " + row.get("type"));
    }
    return columns;
  }

  private static List<Object> kpi(
      String grain,
      long store,
      String channel,
      String start,
      String netSales,
      int orders,
      long version) {
    String date = start.substring(0, 10);
    return List.of(
        grain, store, channel, start, start, date, 3600, netSales, orders, 1, version, start);
  }
}
