package io.chainstore.demo;

import io.chainstore.demo.dashboards.ChartQuery;
import io.chainstore.demo.dashboards.SupersetAssets;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./chainstore bench-dashboards [--work-dir .demo] [--runs 20] [--postgres-runs 5] [--today
 * yyyy-mm-dd] [the deployment options of reconcile]}: every dashboard chart's query as Superset
 * sends it on {@code today} (by default the current UTC day; the charts' time ranges resolved from
 * its midnight) against ClickHouse, {@code runs} times after one warm-up, p50 and p95; beside it
 * the same question over the same range asked of the transactional PostgreSQL ({@code
 * bench/dashboard-questions.postgres.sql}).
 */
final class DashboardBench {

  private DashboardBench() {}

  static int run(String[] args) throws Exception {
    List<String> stackArgs = new ArrayList<>();
    int runs = 20;
    int postgresRuns = 5;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<String> only = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--chart" -> only.add(args[++i].toLowerCase(Locale.ROOT));
        case "--postgres-runs" -> postgresRuns = Integer.parseInt(args[++i]);
        case "--today" -> today = LocalDate.parse(args[++i]);
        default -> stackArgs.add(args[i]);
      }
    }
    StackOptions options = StackOptions.parse(stackArgs.toArray(String[]::new));
    String postgresUrl = options.get("postgres-url");
    if (postgresUrl == null) {
      throw new IllegalArgumentException(
          "no stack in " + options.workDir() + ": start ./chainstore generate --keep-running");
    }
    ClickHouseClient clickhouse =
        new ClickHouseClient(ClickHouseSettings.fromOptions(options::get));
    SupersetAssets assets =
        SupersetAssets.load(SupersetAssets.in(Modules.fromSystemProperty().home()));
    Map<String, String> questions = postgresQuestions(today);
    System.out.printf(
        "order lines in PostgreSQL: %s; runs per chart: ClickHouse %d, PostgreSQL %d;"
            + " time ranges from %s%n",
        scalar(postgresUrl, options, "SELECT count(*) FROM order_lines"),
        runs,
        postgresRuns,
        today);
    System.out.printf(
        "%-38s %10s %10s %10s %10s %8s%n",
        "chart", "CH p50 ms", "CH p95 ms", "PG p50 ms", "PG p95 ms", "PG/CH");
    List<Double> allP95 = new ArrayList<>();
    for (SupersetAssets.Chart chart : assets.charts()) {
      // --chart (repeatable): only the charts whose name contains one of the given texts
      String name = chart.name().toLowerCase(Locale.ROOT);
      if (!only.isEmpty() && only.stream().noneMatch(name::contains)) {
        continue;
      }
      String sql = ChartQuery.sql(chart, today);
      List<Double> ch = new ArrayList<>();
      for (int r = 0; r <= runs; r++) {
        long start = System.nanoTime();
        clickhouse.query(sql);
        if (r > 0) {
          ch.add((System.nanoTime() - start) / 1e6);
        }
      }
      double chP95 = DemoMain.percentile(ch, 95);
      allP95.add(chP95);
      String question = questions.get(chart.name());
      String pg = String.format("%10s %10s %8s", "n/a", "n/a", "");
      if (question != null && postgresRuns > 0) {
        List<Double> times = new ArrayList<>();
        try (Connection c =
                DriverManager.getConnection(
                    postgresUrl, options.get("postgres-user"), options.get("postgres-password"));
            Statement s = c.createStatement()) {
          for (int r = 0; r <= postgresRuns; r++) {
            long start = System.nanoTime();
            try (ResultSet rs = s.executeQuery(question)) {
              while (rs.next()) {
                // read every row, as the ClickHouse client does
              }
            }
            if (r > 0) {
              times.add((System.nanoTime() - start) / 1e6);
            }
          }
        }
        double pgP95 = DemoMain.percentile(times, 95);
        pg =
            String.format(
                "%10.0f %10.0f %7.0fx", DemoMain.percentile(times, 50), pgP95, pgP95 / chP95);
      }
      System.out.printf(
          "%-38s %10.1f %10.1f %s%n",
          abbreviate(chart.name()), DemoMain.percentile(ch, 50), chP95, pg);
    }
    System.out.printf(
        "slowest chart p95: %.1f ms over %d charts%n",
        allP95.stream().mapToDouble(Double::doubleValue).max().orElse(0), allP95.size());
    return 0;
  }

  /** The blocks of {@code bench/dashboard-questions.postgres.sql}, by chart name, on a day. */
  static Map<String, String> postgresQuestions(LocalDate today) throws IOException {
    String text;
    try (InputStream in =
        DashboardBench.class
            .getClassLoader()
            .getResourceAsStream("bench/dashboard-questions.postgres.sql")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> questions = new LinkedHashMap<>();
    String[] blocks = text.split("-- chart: ");
    for (int i = 1; i < blocks.length; i++) {
      int newline = blocks[i].indexOf('\n');
      String sql = blocks[i].substring(newline + 1).strip();
      questions.put(
          blocks[i].substring(0, newline).strip(),
          sql.replaceAll(";$", "").replace("{today}", "DATE '" + today + "'"));
    }
    return questions;
  }

  private static String scalar(String url, StackOptions options, String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                url, options.get("postgres-user"), options.get("postgres-password"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return String.format("%,d", rs.getLong(1));
    }
  }

  private static String abbreviate(String name) {
    return name.length() <= 38 ? name : name.substring(0, 37) + "…";
  }
}
