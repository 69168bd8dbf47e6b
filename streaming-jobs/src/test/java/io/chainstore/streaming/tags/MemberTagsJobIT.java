package io.chainstore.streaming.tags;

import static io.chainstore.streaming.ChangeEvents.committedAt;
import static io.chainstore.streaming.ChangeEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainstore.local.LocalKafka;
import io.chainstore.streaming.JobOptions;
import io.chainstore.streaming.cdc.CdcSources;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.SharedClickHouse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * member-tags on a MiniCluster between a real Kafka broker and ClickHouse: sign-ups and orders in,
 * the connector's heartbeats moving event time on; the tags that hold at the job's clock come out,
 * a lapsed member among them.
 */
class MemberTagsJobIT {

  private static LocalKafka kafka;
  private static KafkaProducer<String, String> producer;
  private static ClickHouseClient clickhouse;

  // Deleted after the class: Kafka's log, checkpoints and the MiniCluster's own files.
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    kafka = LocalKafka.start(dir.resolve("kafka"));
    List<String> topics =
        new ArrayList<>(
            MemberTagsJob.FACT_TABLES.stream()
                .map(t -> CdcSources.topic(CdcSources.DEFAULT_PREFIX, t))
                .toList());
    topics.add(CdcSources.heartbeatTopic(CdcSources.DEFAULT_PREFIX));
    kafka.createTopics(topics);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer = new KafkaProducer<>(props);
    clickhouse = SharedClickHouse.migratedDatabase();
  }

  @AfterAll
  static void stop() {
    producer.close();
    kafka.close();
  }

  @Test
  void tagsHoldAtTheJobsClockAndALapsedMemberIsTagged() throws Exception {
    joined(42, "2026-11-01T10:00:00Z", 10);
    bought(1, 42, "pos", null, "2026-11-02T10:00:00Z", 11);
    bought(2, 42, "online", 5L, "2026-11-03T10:00:00Z", 12);
    joined(43, "2026-06-01T10:00:00Z", 1);
    bought(3, 43, "pos", null, "2026-06-02T10:00:00Z", 2);
    // Member 43's order delivered twice.
    bought(3, 43, "pos", null, "2026-06-02T10:00:00Z", 2);
    // Member 42 joined with 43's code; a repair on site for 42, opened then paid.
    String chain = "2026-11-01T10:00:00Z";
    send(
        "referral_chains",
        committedAt(
            event(
                "referral_chains",
                "c",
                13,
                "member_id",
                42,
                "level1_member_id",
                43,
                "level2_member_id",
                null,
                "level3_member_id",
                null,
                "joined_at",
                chain),
            chain));
    repair(9, 42, "open", null, 14);
    repair(9, 42, "paid", "2026-11-02T15:00:00Z", 15);
    // Member 43 had a cleaning booked that began; another booking of 43 was cancelled.
    booking(5, 43, "booked", "2026-11-03T09:00:00Z", 16);
    booking(6, 43, "cancelled", "2026-11-03T11:00:00Z", 17);

    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, dir.resolve("flink-tmp").toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(500);
    MemberTagsJob.build(
        env,
        new JobOptions(
            new String[] {
              "--kafka-bootstrap-servers",
              kafka.bootstrapServers(),
              "--group-id",
              "it",
              "--clickhouse-url",
              clickhouse.settings().url(),
              "--clickhouse-database",
              clickhouse.settings().database(),
              "--flush-ms",
              "100",
              "--tag-lateness-ms",
              "1000"
            },
            Map.of()));
    JobClient job = env.executeAsync(MemberTagsJob.NAME);
    try {
      Instant beat = Instant.parse("2026-11-03T12:00:00Z");
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                heartbeat(beat);
                assertThat(
                        clickhouse.query(
                            "SELECT member_id, arrayStringConcat(arraySort(tags), ',') AS tags"
                                + " FROM member_tags ORDER BY member_id"))
                    .containsExactly(
                        Map.of(
                            "member_id",
                            "42",
                            "tags",
                            "active,coupon-sensitive,new,omnichannel,service-user"),
                        Map.of(
                            "member_id", "43", "tags", "lapsing,referrer,service-user,store-only"));
                // Per tag, the members holding it, kept by the job (not counted from the rows).
                assertThat(
                        clickhouse.query(
                            "SELECT arrayStringConcat(groupArray(concat(tag, '=',"
                                + " toString(members))), ',') AS counts FROM (SELECT tag, members"
                                + " FROM member_tag_counts ORDER BY tag)"))
                    .containsExactly(
                        Map.of(
                            "counts",
                            "active=1,coupon-sensitive=1,lapsing=1,new=1,omnichannel=1,"
                                + "referrer=1,service-user=2,store-only=1"));
                assertThat(
                        Long.parseLong(
                            clickhouse.queryValue(
                                "SELECT toUInt64(min(as_of_ms)) FROM member_tag_clock FINAL")))
                    .isGreaterThanOrEqualTo(beat.toEpochMilli() - 1001);
              });
      assertThat(
              clickhouse.queryValue(
                  "SELECT reason FROM member_tag FINAL WHERE member_id = 43 AND tag = 'lapsing'"))
          .isEqualTo("no purchase since 2026-06-02 (60+ days)");
    } finally {
      job.cancel().get();
    }
  }

  private static void repair(long id, long member, String status, String paidAt, long lsn)
      throws Exception {
    String at = paidAt == null ? "2026-11-02T14:00:00Z" : paidAt;
    send(
        "work_orders",
        committedAt(
            event(
                "work_orders",
                lsn == 14 ? "c" : "u",
                lsn,
                "id",
                id,
                "store_id",
                1,
                "technician_id",
                1,
                "member_id",
                member,
                "status",
                status,
                "parts_amount",
                "0.00",
                "labour_amount",
                "50.00",
                "total_amount",
                "50.00",
                "paid_at",
                paidAt),
            at));
  }

  private static void booking(long id, long member, String status, String startsAt, long lsn)
      throws Exception {
    String at = "2026-11-01T12:00:00Z";
    send(
        "bookings",
        committedAt(
            event(
                "bookings",
                "c",
                lsn,
                "id",
                id,
                "store_id",
                1,
                "technician_id",
                1,
                "member_id",
                member,
                "starts_at",
                startsAt,
                "status",
                status),
            at));
  }

  private static void joined(long member, String at, long lsn) throws Exception {
    send(
        "members",
        committedAt(
            event(
                "members",
                "c",
                lsn,
                "id",
                member,
                "name",
                "M",
                "phone",
                "+49" + member,
                "store_id",
                null,
                "channel",
                "online",
                "created_at",
                at),
            at));
  }

  private static void bought(
      long order, long member, String channel, Long coupon, String at, long lsn) throws Exception {
    send(
        "orders",
        committedAt(
            event(
                "orders",
                "u",
                lsn,
                "id",
                order,
                "store_id",
                1,
                "channel",
                channel,
                "member_id",
                member,
                "status",
                "paid",
                "coupon_id",
                coupon,
                "subtotal_amount",
                "30.00",
                "total_amount",
                "30.00",
                "total_units",
                1,
                "paid_at",
                at,
                "refunded_amount",
                "0.00",
                "returned_units",
                0,
                "created_at",
                at),
            at));
  }

  private static void heartbeat(Instant at) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                CdcSources.heartbeatTopic(CdcSources.DEFAULT_PREFIX),
                "{\"serverName\":\"chainstore\"}",
                "{\"ts_ms\":" + at.toEpochMilli() + "}"))
        .get();
  }

  private static void send(String table, String json) throws Exception {
    producer
        .send(new ProducerRecord<>(CdcSources.topic(CdcSources.DEFAULT_PREFIX, table), table, json))
        .get();
  }
}
