package io.chainstore.streaming.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainstore.ingestion.LocalKafka;
import io.chainstore.streaming.Checkpoints;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.SharedClickHouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job on a Flink MiniCluster between a real Kafka broker and a real ClickHouse: exact totals
 * through cancellations, duplicate deliveries and a stop and restore from a checkpoint.
 */
class StoreKpisJobIT {

  private static final String TOPIC = "chainstore.public.orders";
  private static LocalKafka kafka;
  private static KafkaProducer<String, String> producer;
  private static ClickHouseClient clickhouse;
  private static Path checkpoints;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("store-kpis-it-");
    checkpoints = dir.resolve("checkpoints");
    kafka = LocalKafka.start(dir.resolve("kafka"));
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
  void totalsAreExactAcrossCancellationsDuplicatesAndARestore() throws Exception {
    String t = "2026-11-27T10:15:30.000000Z";
    // Store 1: order 1 paid (10.00), order 2 paid then cancelled; store 2: order 3 never paid.
    send(1, ChangeEvents.order("c", 100, 1, 1, "pos", "created", "10.00", 2, null));
    send(1, ChangeEvents.order("u", 110, 1, 1, "pos", "paid", "10.00", 2, t));
    send(2, ChangeEvents.order("c", 120, 2, 1, "pos", "created", "5.55", 1, null));
    send(2, ChangeEvents.order("u", 130, 2, 1, "pos", "paid", "5.55", 1, t));
    send(3, ChangeEvents.order("c", 140, 3, 2, "online", "created", "7.00", 1, null));
    send(2, ChangeEvents.order("u", 150, 2, 1, "pos", "cancelled", "5.55", 1, t));
    // At-least-once delivery repeats an event: it must not count twice.
    send(1, ChangeEvents.order("u", 110, 1, 1, "pos", "paid", "10.00", 2, t));

    JobClient first = startJob(Optional.empty());
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(day(1, "pos")).isEqualTo(List.of("10.00", "1", "2")));
    // Let a checkpoint complete after the first batch, then send more and stop mid-stream.
    await().atMost(Duration.ofSeconds(60)).until(() -> Checkpoints.latest(checkpoints).isPresent());
    send(4, ChangeEvents.order("c", 160, 4, 1, "pos", "created", "2.25", 3, null));
    send(
        4,
        ChangeEvents.order(
            "u", 170, 4, 1, "pos", "paid", "2.25", 3, "2026-11-27T10:16:01.000000Z"));
    first.cancel().get();

    send(3, ChangeEvents.order("u", 180, 3, 2, "online", "paid", "7.00", 1, t));
    send(5, ChangeEvents.order("c", 190, 5, 2, "online", "paid", "0.10", 1, t));
    JobClient second = startJob(Checkpoints.latest(checkpoints));
    try {
      // Minute and day rows may be written by different sink subtasks: wait for all of them.
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                assertThat(day(1, "pos")).isEqualTo(List.of("12.25", "2", "5"));
                assertThat(day(2, "online")).isEqualTo(List.of("7.10", "2", "2"));
                assertThat(minute(1, "pos", "2026-11-27 10:15:00"))
                    .isEqualTo(List.of("10.00", "1", "2"));
                assertThat(minute(1, "pos", "2026-11-27 10:16:00"))
                    .isEqualTo(List.of("2.25", "1", "3"));
                assertThat(
                        clickhouse.queryValue(
                            "SELECT sum(net_sales) FROM store_kpi FINAL WHERE grain = 'minute'"))
                    .isEqualTo("19.35");
              });
    } finally {
      second.cancel().get();
    }
  }

  private static JobClient startJob(Optional<Path> restoreFrom) throws Exception {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    restoreFrom.ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(500);
    env.getCheckpointConfig()
        .setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    StoreKpisJob.build(
        env,
        StoreKpisJob.kafkaSource(kafka.bootstrapServers(), TOPIC, "it"),
        new ClickHouseKpiSink(clickhouse.settings(), 100));
    return env.executeAsync(StoreKpisJob.NAME);
  }

  private static void send(long orderId, String json) throws Exception {
    producer.send(new ProducerRecord<>(TOPIC, "{\"id\":" + orderId + "}", json)).get();
  }

  private static List<String> day(long store, String channel) {
    return totals("grain = 'day' AND store_id = " + store + " AND channel = '" + channel + "'");
  }

  private static List<String> minute(long store, String channel, String bucket) {
    return totals(
        "grain = 'minute' AND store_id = "
            + store
            + " AND channel = '"
            + channel
            + "' AND bucket_start = toDateTime('"
            + bucket
            + "', 'UTC')");
  }

  private static List<String> totals(String where) {
    List<Map<String, String>> rows =
        clickhouse.query(
            "SELECT net_sales, paid_orders, units FROM store_kpi FINAL WHERE " + where);
    if (rows.isEmpty()) {
      return List.of();
    }
    assertThat(rows).hasSize(1);
    Map<String, String> row = rows.get(0);
    return List.of(row.get("net_sales"), row.get("paid_orders"), row.get("units"));
  }
}
