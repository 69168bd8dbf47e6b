package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.demo.dashboards.ChartQuery;
import io.chainstore.demo.dashboards.SupersetAssets;
import io.chainstore.demo.dashboards.SupersetAssets.Chart;
import io.chainstore.demo.dashboards.SupersetAssets.Dataset;
import io.chainstore.demo.generate.GenerateOptions;
import io.chainstore.demo.generate.GeneratedHistory;
import io.chainstore.demo.reconcile.Reconciler;
import io.chainstore.warehouse.ClickHouseClient;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated chain history COPYed into PostgreSQL, carried by Debezium and the streaming jobs into
 * ClickHouse and profiled by member-profiles: the reconciliation holds, and every chart of the four
 * Superset dashboards has data that adds up with the KPI tables.
 */
class GeneratedHistoryIT {

  private static final GenerateOptions HISTORY =
      new GenerateOptions(
          2_500, 5, 250, 120, 40_000, 11, LocalDate.now(ZoneOffset.UTC).minusDays(1));

  /**
   * What each additive metric must add up to, read straight from the tables the jobs write (the
   * datasets join, filter and rename; these do not).
   */
  private static final Map<String, String> REFERENCES =
      Map.ofEntries(
          Map.entry(
              "total_net_sales", "SELECT sum(net_sales) FROM store_kpi FINAL WHERE grain = 'day'"),
          Map.entry(
              "total_paid_orders",
              "SELECT sum(paid_orders) FROM store_kpi FINAL WHERE grain = 'day'"),
          Map.entry("total_units", "SELECT sum(units) FROM store_kpi FINAL WHERE grain = 'day'"),
          Map.entry(
              "total_new_members",
              "SELECT sum(new_members) FROM store_kpi FINAL WHERE grain = 'day'"),
          Map.entry("product_net_sales", "SELECT sum(net_sales) FROM sku_sales FINAL"),
          Map.entry("product_units", "SELECT sum(units) FROM sku_sales FINAL"),
          Map.entry("target", "SELECT sum(net_sales) FROM kpi_target FINAL WHERE deleted = 0"),
          Map.entry(
              "achieved",
              "SELECT sum(net_sales) FROM store_kpi FINAL WHERE grain = 'day'"
                  + " AND (store_id, toStartOfMonth(local_date)) IN (SELECT store_id, period_start"
                  + " FROM kpi_target FINAL WHERE deleted = 0 AND period_type = 'month')"),
          Map.entry("sku_locations", "SELECT count() FROM stock_level FINAL"),
          Map.entry(
              "below_reorder",
              "SELECT countIf(on_hand - reserved + in_transit < reorder_point) FROM stock_level FINAL"),
          Map.entry("units_on_hand", "SELECT sum(on_hand) FROM stock_level FINAL"),
          Map.entry(
              "open_suggestions",
              "SELECT count() FROM transfer_suggestion FINAL WHERE deleted = 0 AND status = 'open'"),
          Map.entry(
              "suggested_units",
              "SELECT sum(quantity) FROM transfer_suggestion FINAL WHERE deleted = 0 AND status = 'open'"),
          Map.entry("coupons_issued", "SELECT sum(issued) FROM coupon_roi FINAL"),
          Map.entry("coupons_redeemed", "SELECT sum(redeemed) FROM coupon_roi FINAL"),
          Map.entry("discount_cost_total", "SELECT sum(discount_cost) FROM coupon_roi FINAL"),
          Map.entry("attributed_sales", "SELECT sum(attributed_net_sales) FROM coupon_roi FINAL"),
          Map.entry("tagged_members", "SELECT count() FROM member_tag FINAL WHERE active = 1"),
          Map.entry("members", "SELECT count() FROM member_profile FINAL"),
          Map.entry("total_clv", "SELECT sum(clv) FROM member_profile FINAL"));

  /** Additive in form, but not a fact of the tables: a projection to the period's end from now. */
  private static final List<String> PROJECTIONS = List.of("projected");

  private static Path dir;
  private static LocalStack stack;
  private static GeneratedHistory.Loaded loaded;
  private static Reconciler.Report reconciled;
  private static int profilesExit;
  private static SupersetAssets assets;

  @BeforeAll
  static void generateCarryAndProfile() throws Exception {
    dir = Files.createTempDirectory("chainstore-generated-");
    Progress progress = new Progress(System.out);
    stack = LocalStack.startForBackfill(dir, Modules.fromSystemProperty(), progress);
    try (Connection c = stack.postgres().connect()) {
      loaded = GenerateCommand.load(c, HISTORY, progress);
    }
    GenerateCommand.awaitCaughtUp(stack, progress);
    reconciled = stack.reconciler().awaitMatch(Duration.ofMinutes(3));
    profilesExit = stack.runMemberProfiles();
    assets = SupersetAssets.load(SupersetAssets.in(Modules.fromSystemProperty().home()));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
    DemoMain.delete(dir);
  }

  @Test
  void theHistoryIsInPostgresAndClickHouseAgreesAfterThePipeline() throws Exception {
    reconciled.lines().forEach(System.out::println);
    assertThat(reconciled.ok()).isTrue();
    try (Connection c = stack.postgres().connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM order_lines),"
                    + " (SELECT count(*) FROM members), (SELECT count(*) FROM coupons"
                    + " WHERE status = 'redeemed'), (SELECT count(*) FROM order_returns)")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(loaded.summary().orders());
      assertThat(rs.getLong(2))
          .isEqualTo(loaded.summary().orderLines())
          .isBetween(36_000L, 44_000L);
      assertThat(rs.getLong(3)).isEqualTo(2_500);
      assertThat(rs.getLong(4)).isEqualTo(loaded.summary().redeemed()).isPositive();
      assertThat(rs.getLong(5)).isEqualTo(loaded.summary().returns()).isPositive();
    }
    // a second load into the same database is refused, not doubled
    try (Connection c = stack.postgres().connect()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> GeneratedHistory.load(c, HISTORY))
          .hasMessageContaining("empty database");
    }
  }

  @Test
  void everyChartOfTheFourDashboardsHasData() {
    assertThat(profilesExit).isZero();
    assertThat(assets.dashboards())
        .extracting(SupersetAssets.Dashboard::title)
        .containsExactlyInAnyOrder(
            "HQ overview", "Stock and transfers", "Marketing ROI", "Members and tags");
    ClickHouseClient ch = stack.clickhouse();
    for (SupersetAssets.Dashboard dashboard : assets.dashboards()) {
      assertThat(dashboard.charts()).as(dashboard.title()).isNotEmpty();
    }
    for (Chart chart : assets.charts()) {
      List<Map<String, String>> rows = ch.query(ChartQuery.sql(chart));
      assertThat(rows).as(chart.name()).isNotEmpty();
      for (String metric : ChartQuery.metrics(chart)) {
        assertThat(rows).as(chart.name() + " " + metric).anyMatch(r -> r.get(metric) != null);
      }
    }
  }

  @Test
  void everyAdditiveMetricAddsUpWithTheKpiTables() {
    ClickHouseClient ch = stack.clickhouse();
    int checked = 0;
    for (Dataset dataset : assets.datasets().values()) {
      for (Map.Entry<String, String> metric : dataset.metrics().entrySet()) {
        String expression = metric.getValue();
        if (!expression.matches("(SUM\\(\\w+\\)|COUNT\\(\\*\\))")
            || PROJECTIONS.contains(metric.getKey())) {
          continue; // ratios: from sums that are checked
        }
        String reference = REFERENCES.get(metric.getKey());
        assertThat(reference).as("a reference for %s", metric.getKey()).isNotNull();
        BigDecimal fromDataset =
            number(ch.queryValue("SELECT " + expression + " FROM (" + dataset.sql() + ")"));
        assertThat(fromDataset)
            .as("%s.%s", dataset.name(), metric.getKey())
            .isEqualByComparingTo(number(ch.queryValue(reference)));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);
    // products sold add up to the stores' sales of goods, and the minute view to the days
    assertThat(number(ch.queryValue(REFERENCES.get("product_net_sales"))))
        .isEqualByComparingTo(
            number(
                ch.queryValue(
                    "SELECT sum(goods_net_sales) FROM store_kpi FINAL WHERE grain = 'day'")))
        .isPositive();
  }

  @Test
  void chartsWithoutFiltersShowTheirWholeDataset() {
    ClickHouseClient ch = stack.clickhouse();
    int checked = 0;
    for (Chart chart : assets.charts()) {
      boolean filtered =
          ((List<?>) chart.params().getOrDefault("adhoc_filters", List.of()))
              .stream().anyMatch(f -> !"TEMPORAL_RANGE".equals(((Map<?, ?>) f).get("operator")));
      for (String metric : ChartQuery.metrics(chart)) {
        String expression = chart.dataset().metrics().get(metric);
        if (filtered || !expression.matches("SUM\\(\\w+\\)") || PROJECTIONS.contains(metric)) {
          continue;
        }
        BigDecimal groups =
            number(
                ch.queryValue(
                    "SELECT sum(" + metric + ") FROM (" + ChartQuery.sql(chart, false) + ")"));
        BigDecimal whole =
            number(ch.queryValue("SELECT " + expression + " FROM (" + chart.dataset().sql() + ")"));
        assertThat(groups).as("%s %s", chart.name(), metric).isEqualByComparingTo(whole);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  @Test
  void chartsOverTheirTimeRangesAgreeWithTheBenchQuestionsToPostgres() throws Exception {
    // The day after the history: "Last week" is its last seven business days.
    LocalDate today = HISTORY.endDate().plusDays(1);
    Map<String, String> questions = DashboardBench.postgresQuestions(today);
    Map<String, Chart> charts = new HashMap<>();
    assets.charts().forEach(chart -> charts.put(chart.name(), chart));
    ClickHouseClient ch = stack.clickhouse();
    try (Connection c = stack.postgres().connect();
        Statement s = c.createStatement()) {
      for (Map.Entry<String, String> question : questions.entrySet()) {
        assertThat(charts).as("the chart of a question").containsKey(question.getKey());
        try (ResultSet rs = s.executeQuery(question.getValue())) {
          assertThat(rs.next()).as(question.getKey()).isTrue();
        }
      }
      for (String name : List.of("Net sales, last 7 days", "Orders, last 7 days")) {
        Chart chart = charts.get(name);
        String metric = ChartQuery.metrics(chart).get(0);
        BigDecimal fromClickHouse =
            number(ch.query(ChartQuery.sql(chart, today)).get(0).get(metric));
        assertThat(fromClickHouse)
            .as(name)
            .isPositive()
            .isEqualByComparingTo(pairs(s, questions.get(name), 1).get(""));
      }
      Map<String, BigDecimal> categories = new TreeMap<>();
      for (Map<String, String> row :
          ch.query(ChartQuery.sql(charts.get("Net sales by category"), today))) {
        categories.put(row.get("category"), number(row.get("product_net_sales")).setScale(2));
      }
      assertThat(categories).hasSizeGreaterThan(1);
      // last month is less than the whole history
      BigDecimal lastMonth = categories.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(lastMonth).isLessThan(number(ch.queryValue(REFERENCES.get("product_net_sales"))));
      assertThat(categories).isEqualTo(pairs(s, questions.get("Net sales by category"), 2));
    }
  }

  /** The first column (or "" when one) to the second (or the first) as a normalized number. */
  private static Map<String, BigDecimal> pairs(Statement s, String sql, int columns)
      throws Exception {
    Map<String, BigDecimal> result = new TreeMap<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String key = columns == 1 ? "" : rs.getString(1);
        result.put(key, rs.getBigDecimal(columns).setScale(2));
      }
    }
    return result;
  }

  private static BigDecimal number(String value) {
    return value == null || value.isEmpty() || value.equals("\\N")
        ? BigDecimal.ZERO
        : new BigDecimal(value);
  }
}
