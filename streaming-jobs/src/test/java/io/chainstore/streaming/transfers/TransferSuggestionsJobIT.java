package io.chainstore.streaming.transfers;

import static io.chainstore.streaming.ChangeEvents.committedAt;
import static io.chainstore.streaming.ChangeEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.local.LocalKafka;
import io.chainstore.streaming.JobOptions;
import io.chainstore.streaming.cdc.CdcSources;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.SharedClickHouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stock-transfer-suggestions on a MiniCluster between a real Kafka broker and ClickHouse: stock
 * rows and sales in (one of them delivered twice), one suggestion out on the service's topic and
 * the stock levels in ClickHouse; the service's row coming back stops further suggestions; a full
 * replay by a fresh job sends no suggestion with a new id.
 */
class TransferSuggestionsJobIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "it.transfer-suggestions";
  private static final long SKU = 9;
  private static final long STORE = 1;
  private static final long SIBLING = 2;
  private static final long WAREHOUSE = 3;

  private static LocalKafka kafka;
  private static KafkaProducer<String, String> producer;
  private static ClickHouseClient clickhouse;
  private static long lsn = 1000;

  // Deleted after the class: Kafka's log, checkpoints and the MiniCluster's own files.
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    kafka = LocalKafka.start(dir.resolve("kafka"));
    List<String> topics = new ArrayList<>();
    for (String table : List.of("locations", "stock", "stock_movements", "suggested_transfers")) {
      topics.add(CdcSources.topic(CdcSources.DEFAULT_PREFIX, table));
    }
    topics.add(TOPIC);
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
  void oneSuggestionPerShortageAndNoneWhileTheServiceHoldsIt() throws Exception {
    place(STORE, "store", "52.520000", "13.400000");
    place(SIBLING, "store", "52.500000", "13.450000");
    place(WAREHOUSE, "warehouse", "51.000000", "10.000000");
    String at = "2026-11-27T09:00:00Z";
    stock(SIBLING, 30, 0, at);
    stock(WAREHOUSE, 100, 0, at);
    stock(STORE, 10, 0, at);

    JobClient job = startJob("it-1", clickhouse);
    List<JsonNode> sent = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      // 7 sold: 1 a day, reorder point 4, position 3.
      String sold = "2026-11-27T10:00:00Z";
      sale(1, STORE, 7, sold);
      String duplicate = stock(STORE, 3, 0, sold);
      send("stock", duplicate);
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                poll(consumer, sent);
                assertThat(sent).hasSize(1);
              });
      JsonNode s = sent.get(0);
      assertThat(s.get("skuId").asLong()).isEqualTo(SKU);
      assertThat(s.get("toLocationId").asLong()).isEqualTo(STORE);
      assertThat(s.get("fromLocationId").asLong()).isEqualTo(SIBLING);
      assertThat(s.get("quantity").asInt()).isEqualTo(8);
      assertThat(s.get("velocityPerDay").asText()).isEqualTo("1.000");

      // The service stores it (open); later sales at the store suggest nothing more.
      serviceHolds(s, "open", "2026-11-27T10:00:05Z");
      sale(2, STORE, 1, "2026-11-27T10:05:00Z");
      stock(STORE, 2, 0, "2026-11-27T10:05:00Z");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          clickhouse.query(
                              "SELECT location_id, on_hand, reserved, in_transit,"
                                  + " toString(velocity_per_day) AS v, reorder_point"
                                  + " FROM stock_level FINAL WHERE sku_id = 9"
                                  + " ORDER BY location_id"))
                      .containsExactly(
                          Map.of(
                              "location_id", "1",
                              "on_hand", "2",
                              "reserved", "0",
                              "in_transit", "0",
                              "v", "1.142",
                              "reorder_point", "5"),
                          Map.of(
                              "location_id", "2",
                              "on_hand", "30",
                              "reserved", "0",
                              "in_transit", "0",
                              "v", "0.000",
                              "reorder_point", "2"),
                          Map.of(
                              "location_id", "3",
                              "on_hand", "100",
                              "reserved", "0",
                              "in_transit", "0",
                              "v", "0.000",
                              "reorder_point", "2")));
      // The service's row comes through another topic and sink than the stock levels above.
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          clickhouse.query(
                              "SELECT status FROM transfer_suggestion FINAL WHERE suggestion_id = '"
                                  + s.get("id").asText()
                                  + "'"))
                      .containsExactly(Map.of("status", "open")));
      poll(consumer, sent);
      assertThat(sent).hasSize(1);
    } finally {
      job.cancel().get();
    }

    // A fresh job reads everything again, into a database of its own: the same stock levels, and
    // whatever it sends carries the id already sent.
    ClickHouseClient again = SharedClickHouse.migratedDatabase();
    JobClient replay = startJob("it-replay", again);
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<JsonNode> all = new ArrayList<>();
      String levels =
          "SELECT location_id, on_hand, reserved, in_transit, toString(velocity_per_day) AS v,"
              + " reorder_point FROM stock_level FINAL WHERE sku_id = 9 ORDER BY location_id";
      List<Map<String, String>> expected = clickhouse.query(levels);
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                poll(consumer, all);
                assertThat(again.query(levels)).isEqualTo(expected);
              });
      poll(consumer, all);
      String first = sent.get(0).get("id").asText();
      assertThat(all).allSatisfy(n -> assertThat(n.get("id").asText()).isEqualTo(first));
    } finally {
      replay.cancel().get();
    }
  }

  private static JobClient startJob(String group, ClickHouseClient target) throws Exception {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, dir.resolve("flink-tmp").toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(500);
    TransferSuggestionsJob.build(
        env,
        new JobOptions(
            new String[] {
              "--kafka-bootstrap-servers",
              kafka.bootstrapServers(),
              "--group-id",
              group,
              "--suggestions-topic",
              TOPIC,
              "--clickhouse-url",
              target.settings().url(),
              "--clickhouse-database",
              target.settings().database(),
              "--flush-ms",
              "100"
            },
            Map.of()));
    return env.executeAsync(TransferSuggestionsJob.NAME);
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(TOPIC));
    // Join the group now, so "latest" means from here on.
    consumer.poll(Duration.ofSeconds(5));
    return consumer;
  }

  private static void poll(KafkaConsumer<String, String> consumer, List<JsonNode> into)
      throws Exception {
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
      into.add(JSON.readTree(r.value()));
    }
  }

  private static void place(long id, String kind, String lat, String lon) throws Exception {
    send(
        "locations",
        event(
            "locations",
            "r",
            ++lsn,
            "id",
            id,
            "code",
            "L" + id,
            "name",
            "L" + id,
            "kind",
            kind,
            "latitude",
            lat,
            "longitude",
            lon,
            "time_zone",
            "Europe/Berlin"));
  }

  private static String stock(long location, int onHand, int inTransit, String at)
      throws Exception {
    String json =
        committedAt(
            event(
                "stock",
                "u",
                ++lsn,
                "sku_id",
                SKU,
                "location_id",
                location,
                "on_hand",
                onHand,
                "reserved",
                0,
                "in_transit",
                inTransit,
                "updated_at",
                at),
            at);
    send("stock", json);
    return json;
  }

  private static void sale(long id, long location, int units, String at) throws Exception {
    send(
        "stock_movements",
        committedAt(
            event(
                "stock_movements",
                "c",
                ++lsn,
                "id",
                id,
                "sku_id",
                SKU,
                "location_id",
                location,
                "on_hand_change",
                -units,
                "reserved_change",
                -units,
                "in_transit_change",
                0,
                "reason",
                "sale",
                "document",
                "order:" + id,
                "created_at",
                at),
            at));
  }

  private static void serviceHolds(JsonNode s, String status, String at) throws Exception {
    send(
        "suggested_transfers",
        committedAt(
            event(
                "suggested_transfers",
                "c",
                ++lsn,
                "id",
                s.get("id").asText(),
                "sku_id",
                SKU,
                "from_location_id",
                s.get("fromLocationId").asLong(),
                "to_location_id",
                s.get("toLocationId").asLong(),
                "quantity",
                s.get("quantity").asInt(),
                "reorder_point",
                s.get("reorderPoint").asInt(),
                "position",
                s.get("position").asInt(),
                "velocity_per_day",
                s.get("velocityPerDay").asText(),
                "days_of_cover",
                s.get("daysOfCover").isNull() ? null : s.get("daysOfCover").asText(),
                "reason",
                s.get("reason").asText(),
                "based_on_lsn",
                s.get("basedOnLsn").asLong(),
                "suggested_at",
                s.get("suggestedAt").asText(),
                "status",
                status,
                "transfer_id",
                null,
                "decided_at",
                null),
            at));
  }

  private static void send(String table, String json) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                CdcSources.topic(CdcSources.DEFAULT_PREFIX, table), Long.toString(SKU), json))
        .get();
  }
}
