package io.chainstore.demo.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One ClickHouse table checked against PostgreSQL: the two queries ({@code
 * reconcile/<table>.postgres.sql} and {@code .clickhouse.sql}) return the same columns; the first
 * {@code keyColumns} identify a row, the rest are compared.
 */
public record TableCheck(String table, List<String> keyColumns) {

  /**
   * The PostgreSQL query, with the chain's zone and (for a table that is current as of an instant)
   * that instant filled in.
   */
  public String postgresSql(String defaultTimeZone, long asOfMillis) {
    return load("postgres")
        .replace("${default_time_zone}", defaultTimeZone)
        .replace("${as_of_ms}", Long.toString(asOfMillis));
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
