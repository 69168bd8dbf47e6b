package io.chainstore.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainstore.warehouse.ClickHouseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report people look at: one self-contained HTML page (Apache ECharts inlined, no network) with
 * charts from ClickHouse — net sales per hour by store, today's sales by store and channel, the
 * chain's top products today, KPI against target with the projection, ROI per campaign, member tag
 * sizes and open transfer suggestions. Each chart's element says when it has rendered ({@code
 * data-rendered}) and how many points it shows ({@code data-points}), for the browser test.
 */
final class HtmlReport {

  private static final String ECHARTS =
      "META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClickHouseClient clickhouse;

  HtmlReport(ClickHouseClient clickhouse) {
    this.clickhouse = clickhouse;
  }

  /** One chart: its title, kind and data (category → series → value). */
  record Chart(String id, String title, String kind, Map<String, Map<String, Double>> data) {

    int points() {
      return data.values().stream().mapToInt(Map::size).sum();
    }
  }

  Path write(Path file) throws IOException {
    List<Chart> charts = charts();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, html(charts, suggestionsTable()), StandardCharsets.UTF_8);
    return file;
  }

  List<Chart> charts() {
    List<Chart> charts = new ArrayList<>();
    charts.add(
        chart(
            "sales-per-hour",
            "Net sales per hour (UTC) by store, last 24 hours",
            "bar",
            "SELECT substring(toString(bucket_start), 6, 11) AS category,"
                + " concat('store ', toString(store_id)) AS series, toFloat64(sum(net_sales)) AS value"
                + " FROM store_kpi_current WHERE grain = 'hour' AND store_id != 0"
                + " AND bucket_start >= now() - 86400"
                + " GROUP BY bucket_start, store_id ORDER BY bucket_start, store_id"));
    charts.add(
        chart(
            "sales-by-channel",
            "Net sales today by store and channel (each store's business day)",
            "bar",
            "SELECT concat('store ', toString(store_id)) AS category, channel AS series,"
                + " toFloat64(sum(net_sales)) AS value FROM store_kpi_current"
                + " WHERE grain = 'day' AND store_id != 0 AND (store_id, local_date) IN"
                + " (SELECT store_id, max(local_date) FROM store_kpi_current WHERE grain = 'day'"
                + " GROUP BY store_id)"
                + " GROUP BY store_id, channel ORDER BY store_id, channel"));
    charts.add(
        chart(
            "top-products",
            "Top 10 products of the chain today (net sales)",
            "bar-horizontal",
            "SELECT concat(sku_name, ' (', category, ')') AS category, 'net sales' AS series,"
                + " toFloat64(net_sales) AS value FROM sku_sales_chain_day"
                + " WHERE local_date = (SELECT max(local_date) FROM sku_sales_chain_day)"
                + " ORDER BY net_sales DESC, sku_id LIMIT 10"));
    charts.add(
        chart(
            "kpi-vs-target",
            "Net sales against today's target, and the projection to the end of the day",
            "bar",
            "SELECT concat('store ', toString(store_id)) AS category, series, value FROM"
                + " (SELECT store_id, toFloat64(target_net_sales) AS target,"
                + " toFloat64(achieved_net_sales) AS achieved,"
                + " ifNull(projected_net_sales, toFloat64(achieved_net_sales)) AS projected"
                + " FROM kpi_target_progress WHERE period_type = 'day'"
                + " AND period_start = (SELECT max(period_start) FROM kpi_target_progress"
                + " WHERE period_type = 'day'))"
                + " ARRAY JOIN ['target', 'achieved', 'projected'] AS series,"
                + " [target, achieved, projected] AS value ORDER BY store_id"));
    charts.add(
        chart(
            "campaign-roi",
            "Campaigns: discount cost against attributed net sales",
            "bar",
            "SELECT campaign_code AS category, series, value FROM"
                + " (SELECT campaign_id, campaign_code, toFloat64(discount_cost) AS cost,"
                + " toFloat64(attributed_net_sales) AS sales FROM campaign_roi)"
                + " ARRAY JOIN ['discount cost', 'attributed net sales'] AS series,"
                + " [cost, sales] AS value ORDER BY campaign_id"));
    charts.add(
        chart(
            "member-tags",
            "Members per live tag",
            "bar-horizontal",
            "SELECT tag AS category, 'members' AS series, toFloat64(members) AS value"
                + " FROM member_tag_counts ORDER BY members DESC, tag"));
    charts.add(
        chart(
            "open-suggestions",
            "Open transfer suggestions: units suggested per receiving store",
            "bar",
            "SELECT concat('store ', toString(to_location_id)) AS category, 'units' AS series,"
                + " toFloat64(sum(quantity)) AS value FROM open_transfer_suggestions"
                + " GROUP BY to_location_id ORDER BY to_location_id"));
    return charts;
  }

  private Chart chart(String id, String title, String kind, String sql) {
    Map<String, Map<String, Double>> data = new LinkedHashMap<>();
    for (Map<String, String> row : clickhouse.query(sql)) {
      data.computeIfAbsent(row.get("series"), s -> new LinkedHashMap<>())
          .put(row.get("category"), Double.parseDouble(row.get("value")));
    }
    return new Chart(id, title, kind, data);
  }

  private List<Map<String, String>> suggestionsTable() {
    return clickhouse.query(
        "SELECT toString(to_location_id) AS to_store, toString(from_location_id) AS from_location,"
            + " toString(sku_id) AS sku, toString(quantity) AS quantity,"
            + " toString(position) AS position, toString(reorder_point) AS reorder_point"
            + " FROM open_transfer_suggestions ORDER BY to_location_id, sku_id LIMIT 50");
  }

  private static String html(List<Chart> charts, List<Map<String, String>> suggestions)
      throws IOException {
    ArrayNode specs = JSON.createArrayNode();
    StringBuilder panels = new StringBuilder();
    for (Chart chart : charts) {
      ObjectNode spec = specs.addObject();
      spec.put("id", chart.id()).put("title", chart.title()).put("kind", chart.kind());
      spec.set("data", JSON.valueToTree(chart.data()));
      panels
          .append("<section><h2>")
          .append(escape(chart.title()))
          .append("</h2><div class=\"chart\" id=\"")
          .append(chart.id())
          .append("\" data-points=\"")
          .append(chart.points())
          .append("\"></div></section>\n");
    }
    StringBuilder table = new StringBuilder("<table><tr>");
    List<String> columns =
        List.of("to_store", "from_location", "sku", "quantity", "position", "reorder_point");
    columns.forEach(c -> table.append("<th>").append(c.replace('_', ' ')).append("</th>"));
    table.append("</tr>");
    for (Map<String, String> row : suggestions) {
      table.append("<tr>");
      columns.forEach(c -> table.append("<td>").append(escape(row.get(c))).append("</td>"));
      table.append("</tr>");
    }
    table.append("</table>");
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>chainstore report</title>
        <style>
        body { font-family: sans-serif; margin: 24px; color: #222; }
        section { margin-bottom: 28px; } h2 { font-size: 16px; margin: 0 0 6px; }
        .chart { width: 100%%; max-width: 1100px; height: 320px; }
        table { border-collapse: collapse; font-size: 13px; }
        td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
        </style>
        <script>%s</script>
        </head><body>
        <h1>chainstore — written %s from ClickHouse</h1>
        %s
        <section><h2>Open transfer suggestions</h2>%s</section>
        <script>
        const specs = %s;
        let rendered = 0;
        for (const spec of specs) {
          const el = document.getElementById(spec.id);
          const chart = echarts.init(el, null, {renderer: 'canvas'});
          const series = Object.keys(spec.data);
          const categories = [...new Set(series.flatMap(s => Object.keys(spec.data[s])))];
          const horizontal = spec.kind === 'bar-horizontal';
          const valueAxis = {type: 'value'};
          const categoryAxis = {type: 'category', data: horizontal ? categories.slice().reverse() : categories,
                                axisLabel: {interval: 0, rotate: horizontal ? 0 : 30}};
          chart.on('finished', () => {
            if (!el.dataset.rendered) { el.dataset.rendered = 'true'; rendered++; }
            document.body.dataset.rendered = String(rendered);
          });
          chart.setOption({
            animation: false,
            title: series.length ? undefined : {text: 'no data yet', left: 'center', top: 'middle',
                                                textStyle: {color: '#999', fontSize: 14}},
            tooltip: {trigger: 'axis'},
            legend: {top: 0},
            grid: {left: horizontal ? 220 : 60, right: 20, top: 40, bottom: 70},
            xAxis: horizontal ? valueAxis : categoryAxis,
            yAxis: horizontal ? categoryAxis : valueAxis,
            series: series.map(s => ({name: s, type: 'bar',
              data: (horizontal ? categories.slice().reverse() : categories).map(c => spec.data[s][c] ?? 0)}))
          });
        }
        </script>
        </body></html>
        """
        .formatted(
            echarts(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS),
            panels,
            table,
            JSON.writeValueAsString(specs));
  }

  private static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }

  /** Apache ECharts, to inline in a page that must open without a network. */
  static String echarts() {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(ECHARTS)) {
      if (in == null) {
        throw new IllegalStateException("Apache ECharts is not on the classpath: " + ECHARTS);
      }
      // A closing script tag inside the library would end the inline script early.
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version of the ECharts webjar on the classpath (the build pins it). */
  private static String echartsVersion() {
    try (InputStream in =
        HtmlReport.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
      java.util.Properties properties = new java.util.Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "missing");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
