package io.chainstore.demo.dashboards;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The Superset assets of the dashboards module, read from their YAML as Superset imports them. */
public final class SupersetAssets {

  /** A dataset: its SQL and its metrics' expressions by name. */
  /** A dataset: its SQL, metrics by name, and its columns with their ClickHouse types. */
  public record Dataset(
      String name, String sql, Map<String, String> metrics, Map<String, String> columnTypes) {

    public List<String> columns() {
      return List.copyOf(columnTypes.keySet());
    }
  }

  /** A chart on its dataset, with the parameters Superset builds its query from. */
  public record Chart(String name, String vizType, Dataset dataset, Map<String, Object> params) {}

  /** A dashboard and the names of the charts placed on it. */
  public record Dashboard(String title, List<String> charts) {}

  private final Map<String, Dataset> datasets;
  private final List<Chart> charts;
  private final List<Dashboard> dashboards;

  private SupersetAssets(
      Map<String, Dataset> datasets, List<Chart> charts, List<Dashboard> dashboards) {
    this.datasets = datasets;
    this.charts = charts;
    this.dashboards = dashboards;
  }

  /** Where the assets are in a checkout: {@code dashboards/src/main/superset/chainstore_assets}. */
  public static Path in(Path home) {
    return home.resolve("dashboards/src/main/superset/chainstore_assets");
  }

  public static SupersetAssets load(Path root) throws IOException {
    Map<String, Dataset> byUuid = new LinkedHashMap<>();
    Map<String, Dataset> byName = new LinkedHashMap<>();
    for (Map<String, Object> d : yamls(root.resolve("datasets"))) {
      Map<String, String> metrics = new LinkedHashMap<>();
      for (Map<String, Object> m : list(d, "metrics")) {
        metrics.put((String) m.get("metric_name"), (String) m.get("expression"));
      }
      Map<String, String> columns = new LinkedHashMap<>();
      for (Map<String, Object> c : list(d, "columns")) {
        columns.put((String) c.get("column_name"), (String) c.get("type"));
      }
      Dataset dataset =
          new Dataset((String) d.get("table_name"), (String) d.get("sql"), metrics, columns);
      byUuid.put((String) d.get("uuid"), dataset);
      byName.put(dataset.name(), dataset);
    }
    Map<String, Chart> charts = new LinkedHashMap<>();
    Map<String, String> chartNames = new LinkedHashMap<>();
    for (Map<String, Object> c : yamls(root.resolve("charts"))) {
      Dataset dataset = byUuid.get((String) c.get("dataset_uuid"));
      if (dataset == null) {
        throw new IllegalStateException(
            c.get("slice_name") + ": no dataset " + c.get("dataset_uuid"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> params = (Map<String, Object>) c.get("params");
      Chart chart =
          new Chart((String) c.get("slice_name"), (String) c.get("viz_type"), dataset, params);
      charts.put(chart.name(), chart);
      chartNames.put((String) c.get("uuid"), chart.name());
    }
    List<Dashboard> dashboards = new ArrayList<>();
    for (Map<String, Object> d : yamls(root.resolve("dashboards"))) {
      List<String> placed = new ArrayList<>();
      @SuppressWarnings("unchecked")
      Map<String, Object> position = (Map<String, Object>) d.get("position");
      for (Object node : position.values()) {
        if (node instanceof Map<?, ?> n && "CHART".equals(n.get("type"))) {
          String uuid = (String) ((Map<?, ?>) n.get("meta")).get("uuid");
          String name = chartNames.get(uuid);
          if (name == null) {
            throw new IllegalStateException(d.get("dashboard_title") + ": no chart " + uuid);
          }
          placed.add(name);
        }
      }
      dashboards.add(new Dashboard((String) d.get("dashboard_title"), placed));
    }
    return new SupersetAssets(byName, List.copyOf(charts.values()), dashboards);
  }

  public Map<String, Dataset> datasets() {
    return datasets;
  }

  public List<Chart> charts() {
    return charts;
  }

  public List<Dashboard> dashboards() {
    return dashboards;
  }

  private static List<Map<String, Object>> yamls(Path folder) throws IOException {
    List<Map<String, Object>> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader in = Files.newBufferedReader(file)) {
          all.add(new Yaml().load(in));
        }
      }
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    return (List<Map<String, Object>>) map.getOrDefault(key, List.of());
  }
}
