package io.chainstore.demo.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.demo.dashboards.SupersetAssets.Chart;
import io.chainstore.demo.dashboards.SupersetAssets.Dataset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartQueryTest {

  private static final Dataset DAYS =
      new Dataset(
          "days",
          "SELECT local_date, bucket_start, store_id, net_sales FROM t",
          Map.of("total", "SUM(net_sales)"),
          Map.of("local_date", "Date", "bucket_start", "DateTime", "store_id", "Int64"));

  private static Chart chart(String column, String range) {
    return new Chart(
        "c",
        "table",
        DAYS,
        Map.of(
            "groupby",
            List.of("store_id"),
            "metrics",
            List.of("total"),
            "adhoc_filters",
            List.of(
                Map.of(
                    "expressionType",
                    "SIMPLE",
                    "subject",
                    column,
                    "operator",
                    "TEMPORAL_RANGE",
                    "comparator",
                    range)),
            "row_limit",
            10));
  }

  @Test
  void resolvesRelativeRangesAsSupersetDoesFromMidnight() {
    LocalDate today = LocalDate.of(2026, 3, 31);
    assertThat(ChartQuery.sql(chart("local_date", "Last week"), today))
        .contains(
            "WHERE local_date >= toDate('2026-03-24') AND local_date < toDate('2026-03-31')"
                + " GROUP BY store_id")
        .endsWith("LIMIT 10");
    // A month back from the 31st of March is the end of February, as Superset's relativedelta.
    assertThat(ChartQuery.sql(chart("local_date", "Last month"), today))
        .contains("local_date >= toDate('2026-02-28')");
    assertThat(ChartQuery.sql(chart("local_date", "Last quarter"), today))
        .contains("local_date >= toDate('2025-12-31')");
    assertThat(ChartQuery.sql(chart("bucket_start", "Last day"), today))
        .contains(
            "bucket_start >= toDateTime('2026-03-30 00:00:00')"
                + " AND bucket_start < toDateTime('2026-03-31 00:00:00')");
    assertThat(ChartQuery.sql(chart("local_date", "No filter"), today)).doesNotContain("WHERE");
  }

  @Test
  void readsTheWholeHistoryWithoutADay() {
    assertThat(ChartQuery.sql(chart("local_date", "Last week"))).doesNotContain("WHERE");
  }

  @Test
  void refusesARangeItCannotResolve() {
    assertThatThrownBy(
            () -> ChartQuery.sql(chart("local_date", "2026-01-01 : now"), LocalDate.EPOCH))
        .hasMessageContaining("time range 2026-01-01 : now");
  }
}
