package io.chainstore.streaming.marketing;

import static io.chainstore.streaming.ChangeEvents.event;
import static io.chainstore.streaming.ChangeEvents.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainstore.local.LocalKafka;
import io.chainstore.streaming.JobOptions;
import io.chainstore.streaming.cdc.CdcSources;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.SharedClickHouse;
import java.nio.file.Path;
import java.time.Duration;
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
 * marketing-roi on a MiniCluster between a real Kafka broker and ClickHouse: coupons issued, one
 * redeemed by an order that arrives before its coupon (and is delivered twice), one released by an
 * order cancelled before payment; the template's figures per channel and business day and the
 * campaign's ROI come out exact.
 */
class MarketingRoiJobIT {

  private static LocalKafka kafka;
  private static KafkaProducer<String, String> producer;
  private static ClickHouseClient clickhouse;

  // Deleted after the class: Kafka's log, checkpoints and the MiniCluster's own files.
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    kafka = LocalKafka.start(dir.resolve("kafka"));
    kafka.createTopics(
        List.of("orders", "coupons", "locations", "campaigns", "coupon_templates").stream()
            .map(t -> CdcSources.topic(CdcSources.DEFAULT_PREFIX, t))
            .toList());
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
  void aTemplatesIssuedRedeemedAndReleasedCouponsAndItsCampaignsRoiAreExact() throws Exception {
    send("locations", location(1, 3, "store", "Asia/Shanghai"));
    send(
        "campaigns",
        event(
            "campaigns",
            "r",
            2,
            "id",
            2,
            "code",
            "WINTER",
            "name",
            "Winter",
            "starts_at",
            "2026-11-01T00:00:00.000000Z",
            "ends_at",
            "2027-01-01T00:00:00.000000Z"));
    send(
        "coupon_templates",
        event(
            "coupon_templates",
            "r",
            3,
            "id",
            77,
            "campaign_id",
            2,
            "code",
            "TWO-OFF",
            "name",
            "2.00 off",
            "discount_type",
            "amount_off",
            "amount_off",
            "2.00",
            "percent_off",
            null,
            "channel_scope",
            "all",
            "valid_from",
            "2026-11-01T00:00:00.000000Z",
            "valid_to",
            "2027-01-01T00:00:00.000000Z"));
    // Order 1 used coupon 9 and arrives before the coupon; paid 17:30 UTC = the 28th in Shanghai.
    String paid = order(1, "pos", 9, "paid", "2026-11-27T17:30:00.000000Z", null, 120);
    send("orders", paid);
    send("coupons", coupon(9, 100));
    send("coupons", coupon(10, 101));
    send("orders", order(2, "online", 10, "created", null, null, 130));
    send("orders", order(2, "online", 10, "cancelled", null, "2026-11-27T12:00:00.000000Z", 140));
    send("orders", paid);

    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, dir.resolve("flink-tmp").toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(500);
    MarketingRoiJob.build(
        env,
        new JobOptions(
            new String[] {
              "--kafka-bootstrap-servers", kafka.bootstrapServers(),
              "--group-id", "it",
              "--clickhouse-url", clickhouse.settings().url(),
              "--clickhouse-database", clickhouse.settings().database(),
              "--flush-ms", "100"
            },
            Map.of()));
    JobClient job = env.executeAsync(MarketingRoiJob.NAME);
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                assertThat(
                        clickhouse.query(
                            "SELECT channel, toString(local_date) AS day, issued, redeemed,"
                                + " released, discount_cost, attributed_net_sales"
                                + " FROM coupon_roi FINAL WHERE template_id = 77"
                                + " ORDER BY channel, day"))
                    .containsExactly(
                        row("any", "2026-11-27", "2", "0", "0", "0.00", "0.00"),
                        row("online", "2026-11-27", "0", "0", "1", "0.00", "0.00"),
                        row("pos", "2026-11-28", "0", "1", "0", "2.00", "18.00"));
                assertThat(
                        clickhouse.query(
                            "SELECT campaign_code, issued, redeemed, redemption_rate, roi"
                                + " FROM campaign_roi"))
                    .containsExactly(
                        Map.of(
                            "campaign_code",
                            "WINTER",
                            "issued",
                            "2",
                            "redeemed",
                            "1",
                            "redemption_rate",
                            "0.5",
                            "roi",
                            "8"));
              });
    } finally {
      job.cancel().get();
    }
  }

  private static Map<String, String> row(String... values) {
    String[] names = {
      "channel", "day", "issued", "redeemed", "released", "discount_cost", "attributed_net_sales"
    };
    Map<String, String> row = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      row.put(names[i], values[i]);
    }
    return row;
  }

  private static String coupon(long id, long lsn) {
    return event(
        "coupons",
        "c",
        lsn,
        "id",
        id,
        "template_id",
        77,
        "member_id",
        42,
        "code",
        "C" + id,
        "status",
        "issued",
        "batch",
        "b",
        "order_id",
        null,
        "issued_at",
        "2026-11-27T10:00:00.000000Z");
  }

  private static String order(
      long id,
      String channel,
      long coupon,
      String status,
      String paidAt,
      String cancelledAt,
      long lsn) {
    return event(
        "orders",
        "u",
        lsn,
        "id",
        id,
        "store_id",
        3,
        "channel",
        channel,
        "member_id",
        42,
        "status",
        status,
        "coupon_id",
        coupon,
        "subtotal_amount",
        "20.00",
        "member_discount",
        "0.00",
        "coupon_discount",
        "2.00",
        "points_discount",
        "0.00",
        "total_amount",
        "18.00",
        "total_units",
        2,
        "created_at",
        "2026-11-27T09:00:00.000000Z",
        "paid_at",
        paidAt,
        "cancelled_at",
        cancelledAt,
        "refunded_amount",
        "0.00",
        "returned_units",
        0);
  }

  private static void send(String table, String json) throws Exception {
    producer
        .send(new ProducerRecord<>(CdcSources.topic(CdcSources.DEFAULT_PREFIX, table), table, json))
        .get();
  }
}
