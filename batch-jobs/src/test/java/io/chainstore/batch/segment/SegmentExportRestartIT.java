package io.chainstore.batch.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.batch.OltpDatabase;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.SharedClickHouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * export-segment killed mid-chunk in its own process and restarted: each member of the segment is
 * in the file exactly once, and the restart exports the members the first attempt selected.
 */
class SegmentExportRestartIT {

  private static final int MEMBERS = 1200;

  private static EmbeddedPostgres postgres;
  private static ClickHouseClient clickhouse;

  @BeforeAll
  static void start() throws Exception {
    postgres = OltpDatabase.start();
    new JdbcTemplate(postgres.getPostgresDatabase())
        .update(
            "INSERT INTO members (id, name, phone, email) SELECT id, 'Member ' || id,"
                + " '+49151' || lpad(id::text, 7, '0'), 'member' || id || '@example.com'"
                + " FROM generate_series(1, ?) AS id",
            MEMBERS);
    clickhouse = SharedClickHouse.migratedDatabase();
    // Every member has a profile (spend = id); the even ones are active.
    clickhouse.execute(
        "INSERT INTO member_profile (member_id, order_count, total_spend, last_order_date,"
            + " recency_days, r_score, f_score, m_score, version, computed_at)"
            + " SELECT number + 1, 1, toDecimal64(number + 1, 2), toDate('2026-11-20'), 8, 3, 1,"
            + " 2, 1, now() FROM system.numbers LIMIT "
            + MEMBERS);
    clickhouse.execute(
        "INSERT INTO member_tag (member_id, tag, active, since, rule, reason, version, updated_at)"
            + " SELECT (number + 1) * 2, 'active', 1, now(), 'active', 'test', 1, now()"
            + " FROM system.numbers LIMIT "
            + MEMBERS / 2);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void killedMidChunkAndRestartedEachSelectedMemberIsWrittenExactlyOnce(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("active.csv");
    String segment = "tags: active; spend >= 101";
    // Even members from 102 to 1200: 550, so the second chunk (of 500) is cut in its middle.
    List<Long> expected =
        LongStream.rangeClosed(102, MEMBERS).filter(id -> id % 2 == 0).boxed().toList();

    Process killed =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhalt.at=520",
                "-cp",
                System.getProperty("java.class.path"),
                HaltingExport.class.getName(),
                postgres.getJdbcUrl("postgres", "postgres"),
                clickhouse.settings().url(),
                clickhouse.settings().database(),
                segment,
                csv.toString())
            .redirectErrorStream(true)
            .redirectOutput(csv.resolveSibling("killed.log").toFile())
            .start();
    assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(killed.exitValue()).isEqualTo(137);
    // The first chunk was committed: its 500 members are in the file; nothing of the second.
    assertThat(Files.readAllLines(csv)).hasSize(1 + 500);

    // Meanwhile the live tags move on: the restart still exports what the first attempt selected.
    clickhouse.execute(
        "INSERT INTO member_tag (member_id, tag, active, since, rule, reason, version, updated_at)"
            + " VALUES (1200, 'active', 0, now(), 'active', 'test', 2, now()),"
            + " (1199, 'active', 1, now(), 'active', 'test', 2, now())");

    Segment parsed = Segment.parse(segment);
    assertThatThrownBy(
            () ->
                ExportSegmentMain.run(
                    postgres.getPostgresDatabase(), clickhouse.settings(), parsed, csv, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("--resume-crashed");
    JobExecution resumed =
        ExportSegmentMain.run(
            postgres.getPostgresDatabase(), clickhouse.settings(), parsed, csv, true);
    assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo(CsvLine.HEADER);
    List<Long> written = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      written.add(Long.parseLong(line.substring(0, line.indexOf(','))));
    }
    assertThat(written).containsExactlyElementsOf(expected);
    assertThat(lines.get(1))
        .isEqualTo("102,M*** 1***,+49******0102,m***@example.com,102.00,1,2026-11-20,3-1-2,active");
    assertThat(Files.readAllLines(csv.resolveSibling("active.rules.csv")))
        .containsExactly(
            "rule,members",
            "tags: active,600",
            "spend >= 101,1100",
            "all rules: tags: active; spend >= 101,550");
    // The selection is forgotten once the export completed.
    assertThat(
            new JdbcTemplate(postgres.getPostgresDatabase())
                .queryForObject("SELECT count(*) FROM batch_segment_member", Long.class))
        .isZero();
  }
}
