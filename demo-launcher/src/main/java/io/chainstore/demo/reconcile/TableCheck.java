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

  public String postgresSql(String defaultTimeZone) {
    return load("postgres").replace("${default_time_zone}", defaultTimeZone);
  }

  public String clickhouseSql() {
    return load("clickhouse");
  }

  private String load(String side) {
    String name = "reconcile/" + table + "." + side + ".sql";
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
