package io.chainstore.demo.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ClickHouse table checked against PostgreSQL: the two queries ({@code
 * reconcile/<table>.postgres.sql} and {@code .clickhouse.sql}) return the same columns; the first
 * {@code keyColumns} identify a row, the rest are compared.
 */
public record TableCheck(String table, List<String> keyColumns) {

  private static final Pattern INCLUDE = Pattern.compile("\\$\\{postgres:([a-z_]+)}");

  /**
   * The PostgreSQL query, with the chain's zone and (for a table that is current as of an instant)
   * that instant filled in, without a closing semicolon (it is read as a subquery). {@code
   * ${postgres:<table>}} stands for another check's PostgreSQL query, so a figure derived from a
   * checked table is derived from the same truth.
   */
  public String postgresSql(String defaultTimeZone, long asOfMillis) {
    Matcher include = INCLUDE.matcher(load("postgres"));
    StringBuilder sql = new StringBuilder();
    while (include.find()) {
      String other =
          new TableCheck(include.group(1), List.of()).postgresSql(defaultTimeZone, asOfMillis);
      include.appendReplacement(sql, Matcher.quoteReplacement(other));
    }
    include.appendTail(sql);
    return sql.toString()
        .replace("${default_time_zone}", defaultTimeZone)
        .replace("${as_of_ms}", Long.toString(asOfMillis))
        .strip()
        .replaceAll(";$", "");
  }

  public String clickhouseSql() {
    return load("clickhouse");
  }

  /**
   * For a table that is current as of an instant (the member tags): the ClickHouse query of that
   * instant ({@code reconcile/<table>.clock.clickhouse.sql}), else null.
   */
  public String clockSql() {
    return exists("clock.clickhouse") ? load("clock.clickhouse") : null;
  }

  private boolean exists(String side) {
    return TableCheck.class.getClassLoader().getResource(name(side)) != null;
  }

  private String name(String side) {
    return "reconcile/" + table + "." + side + ".sql";
  }

  private String load(String side) {
    String name = name(side);
    try (InputStream in = TableCheck.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
