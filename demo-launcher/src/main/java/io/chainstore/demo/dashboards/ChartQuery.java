package io.chainstore.demo.dashboards;

import io.chainstore.demo.dashboards.SupersetAssets.Chart;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query Superset sends for a chart: its dataset's SQL as a subquery, grouped by the chart's
 * x-axis and group-by columns, its metrics, its filters, sort and row limit. A time range ("Last
 * week"…) is resolved as Superset resolves it, against midnight of a given day: {@code [today - 7
 * days, today)}, in the literals of ClickHouse's engine spec ({@code toDate('…')} for a Date
 * column, {@code toDateTime('…')} for a DateTime). Without a day the ranges are left out and the
 * query reads the whole history (what the checks that add up to the KPI tables need).
 */
public final class ChartQuery {

  private ChartQuery() {}

  /** The dimensions: the x-axis first, then the group-by columns. */
  public static List<String> dimensions(Chart chart) {
    List<String> dims = new ArrayList<>();
    Object x = chart.params().get("x_axis");
    if (x instanceof String s) {
      dims.add(s);
    }
    dims.addAll(strings(chart.params().get("groupby")));
    return dims;
  }

  /** The metrics by name: {@code metrics}, or the single {@code metric} of big numbers and pies. */
  public static List<String> metrics(Chart chart) {
    Object single = chart.params().get("metric");
    return single instanceof String s ? List.of(s) : strings(chart.params().get("metrics"));
  }

  /** The chart's query as Superset would send it, over the whole history. */
  public static String sql(Chart chart) {
    return sql(chart, true, null);
  }

  /** The chart's query over the whole history, without sort and row limit when not limited. */
  public static String sql(Chart chart, boolean limited) {
    return sql(chart, limited, null);
  }

  /** The chart's query as Superset sends it on {@code today} (time ranges resolved). */
  public static String sql(Chart chart, LocalDate today) {
    return sql(chart, true, today);
  }

  private static String sql(Chart chart, boolean limited, LocalDate today) {
    List<String> dims = dimensions(chart);
    List<String> selected = new ArrayList<>(dims);
    for (String metric : metrics(chart)) {
      String expression = chart.dataset().metrics().get(metric);
      if (expression == null) {
        throw new IllegalStateException(chart.name() + ": no metric " + metric);
      }
      selected.add(expression + " AS " + metric);
    }
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(String.join(", ", selected))
            .append(" FROM (\n")
            .append(chart.dataset().sql())
            .append("\n) AS dataset");
    List<String> where = filters(chart, today);
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    if (!dims.isEmpty()) {
      sql.append(" GROUP BY ").append(String.join(", ", dims));
    }
    if (!limited) {
      return sql.toString();
    }
    Object sortBy = chart.params().get("timeseries_limit_metric");
    boolean descending = !Boolean.FALSE.equals(chart.params().get("order_desc"));
    if (sortBy instanceof String metric) {
      sql.append(" ORDER BY ").append(metric).append(descending ? " DESC" : " ASC");
    } else if (!dims.isEmpty()) {
      sql.append(" ORDER BY ").append(String.join(", ", dims));
    }
    Object limit = chart.params().get("row_limit");
    if (limit instanceof Integer n) {
      sql.append(" LIMIT ").append(n);
    }
    return sql.toString();
  }

  private static List<String> filters(Chart chart, LocalDate today) {
    List<String> where = new ArrayList<>();
    for (Object f : (List<?>) chart.params().getOrDefault("adhoc_filters", List.of())) {
      Map<?, ?> filter = (Map<?, ?>) f;
      if ("SQL".equals(filter.get("expressionType"))) {
        where.add("(" + filter.get("sqlExpression") + ")");
        continue;
      }
      String subject = (String) filter.get("subject");
      String operator = (String) filter.get("operator");
      Object value = filter.get("comparator");
      switch (operator) {
        case "TEMPORAL_RANGE" -> {
          if (today != null) {
            where.addAll(range(chart, subject, String.valueOf(value), today));
          }
        }
        case "IS NOT NULL", "IS NULL" -> where.add(subject + " " + operator);
        case "==" -> where.add(subject + " = " + literal(value));
        case "!=", ">", "<", ">=", "<=" ->
            where.add(subject + " " + operator + " " + literal(value));
        case "IN", "NOT IN" -> {
          List<String> values = new ArrayList<>();
          for (Object v : (List<?>) value) {
            values.add(literal(v));
          }
          where.add(subject + " " + operator + " (" + String.join(", ", values) + ")");
        }
        default -> throw new IllegalStateException(chart.name() + ": filter operator " + operator);
      }
    }
    return where;
  }

  /**
   * A relative range as Superset resolves it, as two conditions ({@code >=} start, {@code <} end).
   */
  static List<String> range(Chart chart, String column, String range, LocalDate today) {
    LocalDate start =
        switch (range) {
          case "No filter" -> null;
          case "Last day" -> today.minusDays(1);
          case "Last week" -> today.minusWeeks(1);
          case "Last month" -> today.minusMonths(1);
          case "Last quarter" -> today.minusMonths(3);
          case "Last year" -> today.minusYears(1);
          default -> throw new IllegalStateException(chart.name() + ": time range " + range);
        };
    if (start == null) {
      return List.of();
    }
    String type = chart.dataset().columnTypes().getOrDefault(column, "");
    return List.of(
        column + " >= " + timeLiteral(type, start), column + " < " + timeLiteral(type, today));
  }

  private static String timeLiteral(String type, LocalDate day) {
    return type.startsWith("DateTime")
        ? "toDateTime('" + day + " 00:00:00')"
        : "toDate('" + day + "')";
  }

  private static String literal(Object value) {
    if (value instanceof Number) {
      return value.toString();
    }
    return "'" + String.valueOf(value).replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }
}
