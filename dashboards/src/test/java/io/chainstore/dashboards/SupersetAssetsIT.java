package io.chainstore.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.SharedClickHouse;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every dataset's SQL and every chart's query run against a real ClickHouse with the shipped
 * schema; every column and metric a chart or filter names exists; every uuid reference resolves.
 */
class SupersetAssetsIT {

  private static final Path ASSETS = Path.of(System.getProperty("superset.assets"));
  private static ClickHouseClient clickhouse;

  @BeforeAll
  static void schemaWithRows() {
    clickhouse = SharedClickHouse.migratedDatabase();
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
    clickhouse.insert(
        "store_kpi",
        columns,
        List.of(
            kpi("minute", 1, "pos", "2026-11-27 10:00:00", "10.00", 1, 2, 1),
            kpi("minute", 1, "pos", "2026-11-27 10:00:00", "30.50", 2, 5, 2),
            kpi("minute", 2, "online", "2026-11-27 10:01:00", "9.99", 1, 1, 1),
            kpi("day", 1, "pos", "2026-11-27 00:00:00", "30.50", 2, 5, 2)));
  }

  private static List<Object> kpi(
      String grain,
      long store,
      String channel,
      String start,
      String sales,
      int orders,
      int units,
      int version) {
    return List.of(
        grain,
        store,
        channel,
        start,
        start,
        start.substring(0, 10),
        sales,
        orders,
        units,
        version,
        start);
  }

  @Test
  void referencesResolve() throws IOException {
    Set<Object> databases = uuids(load("databases"));
    Set<Object> datasets = uuids(load("datasets"));
    Set<Object> charts = uuids(load("charts"));
    assertThat(databases).hasSize(1);
    assertThat(load("datasets"))
        .allSatisfy(d -> assertThat(databases).contains(d.get("database_uuid")));
    assertThat(load("charts"))
        .allSatisfy(c -> assertThat(datasets).contains(c.get("dataset_uuid")));
    List<Map<String, Object>> dashboards = load("dashboards");
    assertThat(dashboards)
        .extracting(d -> d.get("dashboard_title"))
        .containsExactlyInAnyOrder(
            "HQ overview", "Stock and transfers", "Marketing ROI", "Members and tags");
    for (Map<String, Object> dashboard : dashboards) {
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> position =
          (Map<String, Map<String, Object>>) dashboard.get("position");
      List<Object> placed = new ArrayList<>();
      for (Object node : position.values()) {
        if (node instanceof Map<?, ?> n && "CHART".equals(n.get("type"))) {
          placed.add(((Map<?, ?>) n.get("meta")).get("uuid"));
        }
      }
      assertThat(placed).isNotEmpty();
      assertThat(charts).containsAll(placed);
    }
  }

  @Test
  void everyDatasetRunsAndHasTheColumnsItDeclares() throws IOException {
    for (Map<String, Object> dataset : load("datasets")) {
      List<String> actual = resultColumns(sql(dataset));
      assertThat(actual)
          .as(dataset.get("table_name").toString())
          .containsAll(declaredColumns(dataset));
      for (Map<String, Object> metric : list(dataset, "metrics")) {
        clickhouse.query(
            "SELECT " + metric.get("expression") + " AS m FROM (" + sql(dataset) + ")");
      }
    }
  }

  @Test
  void everyChartQueryRunsOnItsDatasetAndComputesTheRightFigures() throws IOException {
    Map<Object, Map<String, Object>> datasets = new LinkedHashMap<>();
    for (Map<String, Object> d : load("datasets")) {
      datasets.put(d.get("uuid"), d);
    }
    for (Map<String, Object> chart : load("charts")) {
      Map<String, Object> dataset = datasets.get(chart.get("dataset_uuid"));
      @SuppressWarnings("unchecked")
      Map<String, Object> params = (Map<String, Object>) chart.get("params");
      List<String> columns = declaredColumns(dataset);
      Map<String, String> metrics = new LinkedHashMap<>();
      for (Map<String, Object> m : list(dataset, "metrics")) {
        metrics.put((String) m.get("metric_name"), (String) m.get("expression"));
      }

      List<String> dimensions = new ArrayList<>();
      if (params.get("x_axis") != null) {
        dimensions.add((String) params.get("x_axis"));
      }
      dimensions.addAll(strings(params.get("groupby")));
      List<String> chartMetrics =
          params.get("metric") != null
              ? List.of((String) params.get("metric"))
              : strings(params.get("metrics"));
      String name = chart.get("slice_name").toString();
      assertThat(columns).as(name).containsAll(dimensions);
      assertThat(chartMetrics).as(name).isNotEmpty();
      assertThat(metrics.keySet()).as(name).containsAll(chartMetrics);
      for (Object filter : (List<?>) params.getOrDefault("adhoc_filters", List.of())) {
        assertThat(columns).as(name).contains((String) ((Map<?, ?>) filter).get("subject"));
      }
      Object sortBy = params.get("timeseries_limit_metric");
      if (sortBy != null) {
        assertThat(chartMetrics).as(name).contains((String) sortBy);
      }

      List<String> selected = new ArrayList<>(dimensions);
      for (String metric : chartMetrics) {
        selected.add(metrics.get(metric) + " AS " + metric);
      }
      String query =
          "SELECT "
              + String.join(", ", selected)
              + " FROM ("
              + sql(dataset)
              + ")"
              + (dimensions.isEmpty()
                  ? ""
                  : " GROUP BY "
                      + String.join(", ", dimensions)
                      + " ORDER BY "
                      + String.join(", ", dimensions));
      List<Map<String, String>> rows = clickhouse.query(query);
      if (!"store_kpi_minute".equals(dataset.get("table_name"))) {
        continue; // the figures of the other datasets: GeneratedHistoryIT, on a carried history
      }
      assertThat(rows).as(name).hasSize(2);
      // Store 1, pos: only the newest version of its minute counts (30.50 over 2 orders).
      assertThat(rows.get(0).get("total_net_sales")).as(name).isEqualTo("30.50");
      if (metrics.containsKey("avg_order_value") && rows.get(0).containsKey("avg_order_value")) {
        assertThat(rows.get(0).get("avg_order_value")).startsWith("15.25");
      }
    }
  }

  private static String sql(Map<String, Object> dataset) {
    return dataset.get("sql").toString();
  }

  private static List<String> declaredColumns(Map<String, Object> dataset) {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> c : list(dataset, "columns")) {
      names.add((String) c.get("column_name"));
    }
    return names;
  }

  private static List<String> resultColumns(String sql) {
    List<Map<String, String>> described = clickhouse.query("DESCRIBE TABLE (" + sql + ")");
    return described.stream().map(r -> r.get("name")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    return (List<Map<String, Object>>) map.getOrDefault(key, List.of());
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }

  private static Set<Object> uuids(List<Map<String, Object>> assets) {
    Set<Object> ids = new HashSet<>();
    for (Map<String, Object> a : assets) {
      assertThat(ids.add(a.get("uuid"))).as("duplicate uuid " + a.get("uuid")).isTrue();
    }
    return ids;
  }

  private static List<Map<String, Object>> load(String folder) throws IOException {
    List<Map<String, Object>> assets = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ASSETS.resolve(folder))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader in = Files.newBufferedReader(file)) {
          Map<String, Object> asset = new Yaml().load(in);
          assertThat(asset.get("version")).as(file.toString()).isEqualTo("1.0.0");
          assets.add(asset);
        }
      }
    }
    return assets;
  }
}
