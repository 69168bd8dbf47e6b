package io.chainstore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterDdlTest {

  private final ClusterDdl ddl = new ClusterDdl("chainstore", "cs");

  @Test
  void aTableBecomesAReplicatedLocalTableAndADistributedTableOfItsName() {
    assertThat(
            ddl.rewrite(
                """
                -- a comment; with a semicolon
                CREATE TABLE IF NOT EXISTS sku_sales
                (
                    store_id   Int64,
                    local_date Date, -- the store's business day
                    net_sales  Decimal(18, 2),
                    version    UInt64
                )
                ENGINE = ReplacingMergeTree(version)
                PARTITION BY toYYYYMM(local_date)
                ORDER BY (store_id, local_date)"""))
        .containsExactly(
            "CREATE TABLE IF NOT EXISTS cs.sku_sales_local ON CLUSTER chainstore"
                + " (store_id Int64, local_date Date, net_sales Decimal(18, 2), version UInt64)"
                + " ENGINE = ReplicatedReplacingMergeTree("
                + "'/clickhouse/tables/{shard}/cs/sku_sales_local', '{replica}', version)"
                + " PARTITION BY toYYYYMM(local_date) ORDER BY (store_id, local_date)",
            "CREATE TABLE IF NOT EXISTS cs.sku_sales ON CLUSTER chainstore"
                + " (store_id Int64, local_date Date, net_sales Decimal(18, 2), version UInt64)"
                + " ENGINE = Distributed(chainstore, cs, sku_sales_local)");
    assertThat(ddl.isTable("sku_sales")).isTrue();
  }

  @Test
  void anEngineWithoutArgumentsGetsOnlyThePathAndTheReplica() {
    assertThat(
            ddl.rewrite(
                    "CREATE TABLE log (step String, at DateTime DEFAULT now())"
                        + " ENGINE = MergeTree ORDER BY at")
                .get(0))
        .isEqualTo(
            "CREATE TABLE cs.log_local ON CLUSTER chainstore"
                + " (step String, at DateTime DEFAULT now())"
                + " ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/cs/log_local',"
                + " '{replica}') ORDER BY at");
  }

  @Test
  void viewsReadTheDistributedTablesAndViewsOfTheMigrationsQualified() {
    table("store_kpi");
    table("kpi_target");
    ddl.rewrite("CREATE VIEW store_day AS SELECT store_id, 1 AS x FROM store_kpi FINAL");

    assertThat(
            ddl.rewrite(
                """
                CREATE VIEW IF NOT EXISTS progress AS
                SELECT store_id, 'FROM store_kpi' AS label, period_type, n
                FROM
                (
                    SELECT store_id, version AS n FROM kpi_target FINAL
                    WHERE (store_id, n) IN (SELECT store_id, version FROM `store_kpi`)
                )
                ANY LEFT JOIN store_day USING (store_id)
                ARRAY JOIN ['day', 'month'] AS period_type
                ANY LEFT JOIN (SELECT number AS store_id FROM numbers(3)) USING (store_id)
                ANY LEFT JOIN (SELECT dummy AS store_id FROM system.one) USING (store_id)"""))
        .containsExactly(
            """
            CREATE VIEW IF NOT EXISTS cs.progress ON CLUSTER chainstore AS SELECT store_id, \
            'FROM store_kpi' AS label, period_type, n
            FROM
            (
                SELECT store_id, version AS n FROM cs.kpi_target FINAL
                WHERE (store_id, n) IN (SELECT store_id, version FROM cs.store_kpi)
            )
            ANY LEFT JOIN cs.store_day USING (store_id)
            ARRAY JOIN ['day', 'month'] AS period_type
            ANY LEFT JOIN (SELECT number AS store_id FROM numbers(3)) USING (store_id)
            ANY LEFT JOIN (SELECT dummy AS store_id FROM system.one) USING (store_id)""");
  }

  @Test
  void aMaterializedViewFiresOnTheLocalTableAndWritesToTheTargetsLocalTable() {
    table("sale");
    table("sales_per_store");
    table("store_dim");

    assertThat(
            ddl.rewrite(
                "CREATE MATERIALIZED VIEW IF NOT EXISTS sales_per_store_mv TO sales_per_store AS"
                    + " SELECT store_id, count() AS sales FROM sale"
                    + " ANY LEFT JOIN store_dim USING (store_id) GROUP BY store_id"))
        .containsExactly(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS cs.sales_per_store_mv ON CLUSTER chainstore"
                + " TO cs.sales_per_store_local AS SELECT store_id, count() AS sales"
                + " FROM cs.sale_local ANY LEFT JOIN cs.store_dim USING (store_id)"
                + " GROUP BY store_id");
    assertThat(ddl.rewrite("DROP TABLE sales_per_store_mv"))
        .containsExactly("DROP TABLE cs.sales_per_store_mv ON CLUSTER chainstore");
  }

  @Test
  void materializedViewsThatWouldCountOnEachReplicaAreRefused() {
    table("sale");
    assertThatThrownBy(
            () ->
                ddl.rewrite(
                    "CREATE MATERIALIZED VIEW m ENGINE = SummingMergeTree ORDER BY k"
                        + " AS SELECT 1 AS k FROM sale"))
        .hasMessageContaining("without TO");
    table("counts");
    assertThatThrownBy(
            () ->
                ddl.rewrite(
                    "CREATE MATERIALIZED VIEW m TO counts POPULATE AS SELECT 1 AS k FROM sale"))
        .hasMessageContaining("POPULATE");
    assertThatThrownBy(
            () -> ddl.rewrite("CREATE MATERIALIZED VIEW m TO counts AS SELECT 1 FROM system.one"))
        .hasMessageContaining("must read a table of the migrations");
  }

  @Test
  void dropsBothTablesOfATableOneOfAViewAndForgetsThem() {
    table("store_kpi");
    ddl.rewrite("CREATE VIEW store_kpi_current AS SELECT * FROM store_kpi FINAL");

    assertThat(ddl.rewrite("DROP TABLE IF EXISTS store_kpi_current"))
        .containsExactly("DROP TABLE IF EXISTS cs.store_kpi_current ON CLUSTER chainstore");
    assertThat(ddl.rewrite("DROP TABLE IF EXISTS store_kpi"))
        .containsExactly(
            "DROP TABLE IF EXISTS cs.store_kpi ON CLUSTER chainstore",
            "DROP TABLE IF EXISTS cs.store_kpi_local ON CLUSTER chainstore");
    assertThat(ddl.isTable("store_kpi")).isFalse();
    // Made again, it replicates under a path of its own (the old one may not be free yet).
    table("store_kpi");
    assertThat(ddl.rewrite("DROP TABLE store_kpi")).hasSize(2);
    assertThat(table("store_kpi").get(0))
        .contains("('/clickhouse/tables/{shard}/cs/store_kpi_local.3', '{replica}')");
    // A name the migrations never created: both, harmless with IF EXISTS, refused without.
    assertThat(ddl.rewrite("DROP TABLE IF EXISTS old_thing")).hasSize(2);
    assertThatThrownBy(() -> ddl.rewrite("DROP TABLE old_thing"))
        .hasMessageContaining("no table or view of that name");
  }

  @Test
  void columnChangesAlterTheLocalTableAndRemakeTheDistributedOne() {
    ddl.rewrite(
        "CREATE TABLE member_profile (member_id Int64, last_order_date Nullable(Date),"
            + " total Decimal(18, 2), version UInt64) ENGINE = ReplacingMergeTree(version)"
            + " ORDER BY member_id");

    assertThat(
            ddl.rewrite(
                """
                ALTER TABLE member_profile
                    ADD COLUMN recency_days Nullable(Int32) AFTER last_order_date,
                    ADD COLUMN r_score UInt8 AFTER recency_days,
                    ADD COLUMN tenant String FIRST,
                    ADD COLUMN note String,
                    DROP COLUMN total,
                    MODIFY COLUMN member_id UInt64,
                    MODIFY COLUMN note DEFAULT 'none'"""))
        .containsExactly(
            "ALTER TABLE cs.member_profile_local ON CLUSTER chainstore"
                + " ADD COLUMN recency_days Nullable(Int32) AFTER last_order_date,"
                + " ADD COLUMN r_score UInt8 AFTER recency_days, ADD COLUMN tenant String FIRST,"
                + " ADD COLUMN note String, DROP COLUMN total, MODIFY COLUMN member_id UInt64,"
                + " MODIFY COLUMN note DEFAULT 'none'",
            "DROP TABLE IF EXISTS cs.member_profile ON CLUSTER chainstore",
            "CREATE TABLE cs.member_profile ON CLUSTER chainstore (tenant String,"
                + " member_id UInt64, last_order_date Nullable(Date),"
                + " recency_days Nullable(Int32), r_score UInt8, version UInt64, note String)"
                + " ENGINE = Distributed(chainstore, cs, member_profile_local)");
  }

  @Test
  void mutationsAreTheLocalTablesAloneAndOtherAltersAreRefused() {
    table("stock_level");
    assertThat(ddl.rewrite("ALTER TABLE stock_level UPDATE on_hand = 0, reserved = 0 WHERE 1"))
        .containsExactly(
            "ALTER TABLE cs.stock_level_local ON CLUSTER chainstore"
                + " UPDATE on_hand = 0, reserved = 0 WHERE 1");
    assertThat(ddl.rewrite("ALTER TABLE stock_level DELETE WHERE sku_id = 7")).hasSize(1);
    assertThatThrownBy(() -> ddl.rewrite("ALTER TABLE stock_level DROP PARTITION 202601"))
        .hasMessageContaining("DROP PARTITION is not rewritten");
    assertThatThrownBy(() -> ddl.rewrite("ALTER TABLE nowhere ADD COLUMN x UInt8"))
        .hasMessageContaining("nowhere is not a table created by the migrations");
  }

  @Test
  void renamesViewsButNotTables() {
    table("store_kpi");
    ddl.rewrite("CREATE VIEW kpis AS SELECT * FROM store_kpi");
    assertThat(ddl.rewrite("RENAME TABLE kpis TO kpis_old"))
        .containsExactly("RENAME TABLE cs.kpis TO cs.kpis_old ON CLUSTER chainstore");
    assertThat(ddl.rewrite("CREATE VIEW v AS SELECT * FROM kpis_old"))
        .containsExactly("CREATE VIEW cs.v ON CLUSTER chainstore AS SELECT * FROM cs.kpis_old");
    assertThatThrownBy(() -> ddl.rewrite("RENAME TABLE store_kpi TO kpi"))
        .hasMessageContaining("only views are renamed");
  }

  @Test
  void insertsAndOptimizesGoToTheLocalTableOfOneReplica() {
    table("store_kpi");
    table("archive");
    assertThat(
            ddl.rewrite(
                "INSERT INTO archive (store_id, version) SELECT store_id, version FROM store_kpi"))
        .containsExactly(
            "INSERT INTO cs.archive_local (store_id, version)"
                + " SELECT store_id, version FROM cs.store_kpi");
    assertThat(ddl.rewrite("INSERT INTO archive VALUES (1, 'from store_kpi')"))
        .containsExactly("INSERT INTO cs.archive_local VALUES (1, 'from store_kpi')");
    assertThat(ddl.rewrite("OPTIMIZE TABLE store_kpi FINAL"))
        .containsExactly("OPTIMIZE TABLE cs.store_kpi_local FINAL");
  }

  @Test
  void refusesWhatItCannotRewrite() {
    assertThatThrownBy(() -> ddl.rewrite("CREATE TABLE t (x UInt8) ENGINE = Memory"))
        .hasMessageContaining("the engine Memory of t is not rewritten");
    assertThatThrownBy(
            () ->
                ddl.rewrite(
                    "CREATE TABLE t (x UInt8) ENGINE = MergeTree ORDER BY x AS SELECT 1 AS x"))
        .hasMessageContaining("AS SELECT");
    assertThatThrownBy(() -> ddl.rewrite("CREATE TABLE t AS other"))
        .hasMessageContaining("without a column list");
    assertThatThrownBy(() -> ddl.rewrite("CREATE TABLE other_db.t (x UInt8) ENGINE = MergeTree"))
        .hasMessageContaining("qualified with a database");
    assertThatThrownBy(() -> ddl.rewrite("TRUNCATE TABLE t"))
        .hasMessageContaining("TRUNCATE is not rewritten");
  }

  @Test
  void theErrorNamesTheFileAndTheStatement() {
    Migration migration =
        Migration.parse("V2__memo.sql", "CREATE TABLE memo (x UInt8) ENGINE = Memory;\n");
    assertThatThrownBy(() -> Migrator.onCluster(ddl, migration))
        .hasMessageStartingWith("V2__memo.sql: cannot apply on cluster chainstore: ")
        .hasMessageContaining("[CREATE TABLE memo (x UInt8) ENGINE = Memory]");
  }

  @Test
  void everyShippedStatementRunsOnTheClusterWithTheSameTablesAndViews() {
    List<String> rewritten = new ArrayList<>();
    int createTables = 0;
    for (Migration migration : Migrator.loadFromClasspath(Migrator.CLASSPATH_LOCATION)) {
      rewritten.addAll(Migrator.onCluster(ddl, migration));
      createTables +=
          (int) migration.statements().stream().filter(s -> s.startsWith("CREATE TABLE")).count();
    }
    assertThat(rewritten).allSatisfy(s -> assertThat(s).contains(" ON CLUSTER chainstore"));
    assertThat(rewritten.stream().filter(s -> s.contains("ENGINE = Replicated")))
        .hasSize(createTables);
    assertThat(rewritten.stream().filter(s -> s.contains("ENGINE = Distributed(")))
        .hasSize(createTables + 1); // member_profile's again after V010's new columns
    // No statement reads a table or view of the migrations without its database.
    List<String> created = new ArrayList<>();
    for (String statement : rewritten) {
      List<SqlTokens.Token> t = SqlTokens.of(statement);
      if (t.get(0).is("CREATE")) {
        for (int i = 0; i + 2 < t.size(); i++) {
          if (t.get(i).text().equals("cs") && t.get(i + 1).isSymbol('.')) {
            created.add(t.get(i + 2).name());
            break;
          }
        }
      }
    }
    assertThat(created).contains("store_kpi", "store_kpi_local", "store_day", "marketing_roi");
    for (String statement : rewritten) {
      List<SqlTokens.Token> t = SqlTokens.of(statement);
      for (int i = 1; i + 1 < t.size(); i++) {
        boolean readsTable = t.get(i - 1).is("FROM") || t.get(i - 1).is("JOIN");
        if (readsTable && t.get(i).isName() && !t.get(i + 1).isSymbol('.')) {
          assertThat(created).as("unqualified in %s", statement).doesNotContain(t.get(i).name());
        }
      }
    }
  }

  private List<String> table(String name) {
    return ddl.rewrite(
        "CREATE TABLE "
            + name
            + " (store_id Int64, version UInt64) ENGINE = MergeTree ORDER BY store_id");
  }
}
