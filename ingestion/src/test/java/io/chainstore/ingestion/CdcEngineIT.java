package io.chainstore.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import io.chainstore.local.LocalKafka;
import io.chainstore.local.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PostgreSQL, real Kafka broker, real Debezium: snapshot, streaming, restart. */
class CdcEngineIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalPostgres postgres;
  private static LocalKafka kafka;
  // Deleted after the class: PostgreSQL's and Kafka's data.
  @TempDir static Path dir;

  @BeforeAll
  static void startServices() throws Exception {
    postgres = LocalPostgres.start(dir.resolve("pg"));
    kafka = LocalKafka.start(dir.resolve("kafka"));
    try (Connection c = postgres.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL,"
              + " total_amount numeric(18,2) NOT NULL)");
      s.execute("INSERT INTO orders VALUES (1, 'created', 10.10), (2, 'paid', 20.20)");
    }
  }

  @AfterAll
  static void stopServices() {
    kafka.close();
    postgres.close();
  }

  @Test
  void snapshotsThenStreamsAndResumesAfterRestartWithoutASecondSnapshot() throws Exception {
    PostgresTarget db =
        new PostgresTarget("127.0.0.1", postgres.port(), LocalPostgres.DATABASE, "postgres", "");
    Path offsets = dir.resolve("offsets.dat");
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(CdcTopics.topic("orders")));

      try (CdcEngine engine = CdcEngine.start(db, kafka.bootstrapServers(), offsets, 200)) {
        sql("INSERT INTO orders VALUES (3, 'created', 30.30)");
        List<JsonNode> first = poll(consumer, 3);
        assertThat(first).extracting(e -> e.path("op").asText()).containsExactly("r", "r", "c");
        // Money arrives as an exact decimal string, not a double.
        assertThat(first.get(0).path("after").path("total_amount").asText()).isEqualTo("10.10");
        assertThat(engine.isRunning()).isTrue();
      }

      // Changes made while ingestion is down are streamed after the restart; meanwhile the slot
      // keeps their WAL, which slot health reports with no connector attached.
      sql("UPDATE orders SET status = 'paid' WHERE id = 1");
      sql("DELETE FROM orders WHERE id = 2");
      SlotHealth.Slot idle = onlySlot();
      assertThat(idle.active()).isFalse();
      sql(
          "CREATE TABLE filler AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 20000) g");
      SlotHealth.Slot grown = onlySlot();
      assertThat(grown.retainedWalBytes()).isGreaterThan(idle.retainedWalBytes() + 4_000_000);
      String scraped;
      try (CdcMetricsServer metrics = CdcMetricsServer.start(db, null, 0)) {
        scraped = scrape(metrics);
      }
      assertThat(scraped)
          .contains("chainstore_cdc_postgres_up 1\n")
          .contains(
              "chainstore_cdc_slot_retained_wal_bytes{slot=\""
                  + grown.name()
                  + "\"} "
                  + grown.retainedWalBytes()
                  + "\n")
          .contains("chainstore_cdc_slot_active{slot=\"" + grown.name() + "\"} 0\n");
      try (CdcEngine engine = CdcEngine.start(db, kafka.bootstrapServers(), offsets, 200)) {
        sql("INSERT INTO orders VALUES (4, 'created', 40.40)");
        List<JsonNode> second = poll(consumer, 3);
        assertThat(second).extracting(e -> e.path("op").asText()).containsExactly("u", "d", "c");
        assertThat(second.get(0).path("after").path("status").asText()).isEqualTo("paid");
        assertThat(second.get(1).path("before").path("id").asLong()).isEqualTo(2);
        // Nothing else follows: no second snapshot.
        assertThat(poll(consumer, 0)).isEmpty();
        assertThat(onlySlot().active()).isTrue();
        // What this engine forwarded: the three changes, each with its commit-to-Kafka lag.
        try (CdcMetricsServer metrics = CdcMetricsServer.start(db, engine.metrics(), 0)) {
          String forwarded = scrape(metrics);
          assertThat(forwarded)
              .contains(
                  "chainstore_cdc_events_total{topic=\"" + CdcTopics.topic("orders") + "\"} 3\n")
              .contains("chainstore_cdc_commit_to_kafka_seconds_count 3\n")
              .contains("chainstore_cdc_commit_to_kafka_seconds_bucket{le=\"+Inf\"} 3\n")
              .contains("chainstore_cdc_slot_active{slot=\"" + grown.name() + "\"} 1\n");
        }
      }
    }
  }

  private static String scrape(CdcMetricsServer metrics) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static SlotHealth.Slot onlySlot() throws Exception {
    try (Connection c = postgres.connect()) {
      List<SlotHealth.Slot> slots = SlotHealth.read(c);
      assertThat(slots).hasSize(1);
      return slots.get(0);
    }
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = postgres.connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
  }

  /** Polls until {@code expected} events arrived, then a little longer to catch extras. */
  private static List<JsonNode> poll(KafkaConsumer<String, String> consumer, int expected)
      throws Exception {
    List<JsonNode> events = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (events.size() < expected && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        events.add(JSON.readTree(r.value()));
      }
    }
    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(2))) {
      events.add(JSON.readTree(r.value()));
    }
    return events;
  }
}
