package io.chainstore.batch.segment;

import io.chainstore.warehouse.ClickHouseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The members a segment can select from, in ClickHouse ({@code segment-population.sql}). */
final class SegmentPopulation {

  private static final String SQL = load();

  private final ClickHouseClient clickhouse;

  SegmentPopulation(ClickHouseClient clickhouse) {
    this.clickhouse = clickhouse;
  }

  /** The next members after {@code afterMemberId} for whom {@code condition} holds, in order. */
  List<Map<String, String>> page(String condition, long afterMemberId, int limit) {
    return clickhouse.query(
        select(condition, afterMemberId) + "ORDER BY member_id\nLIMIT " + limit);
  }

  /** How many members {@code condition} selects (member ids start at 1). */
  long count(String condition) {
    return Long.parseLong(
        clickhouse.queryValue("SELECT count() FROM (\n" + select(condition, 0) + ")"));
  }

  private static String select(String condition, long afterMemberId) {
    return SQL.replace("{after}", Long.toString(afterMemberId)).replace("{where}", condition);
  }

  private static String load() {
    try (InputStream in = SegmentPopulation.class.getResourceAsStream("segment-population.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
