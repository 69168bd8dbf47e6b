package io.chainstore.oltp.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainstore.oltp.TestKafka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stopped under the running consumer: a suggestion published meanwhile is neither lost
 * nor committed, the consumer keeps running, and once the database is back the suggestion is kept,
 * once, and the next one too. Its own PostgreSQL, so stopping it disturbs no other test.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.hikari.connection-timeout=1000",
      "spring.datasource.hikari.validation-timeout=500",
      "chainstore.suggestions.topic=" + SuggestionConsumerOutageIT.TOPIC,
      "chainstore.suggestions.group=" + SuggestionConsumerOutageIT.GROUP,
      "chainstore.suggestions.retry-max-ms=1000"
    })
@DirtiesContext
class SuggestionConsumerOutageIT {

  static final String TOPIC = "test.transfer-suggestions-outage";
  static final String GROUP = "oltp-service-suggestions-outage";

  private static Path dataDirectory;
  private static int databasePort;
  private static EmbeddedPostgres postgres;

  @Autowired JdbcTemplate jdbc;
  @Autowired SuggestionConsumer consumer;

  @DynamicPropertySource
  static void ownDatabaseAndKafka(DynamicPropertyRegistry registry) throws IOException {
    dataDirectory = Files.createTempDirectory("suggestion-outage-pg");
    try (ServerSocket socket = new ServerSocket(0)) {
      databasePort = socket.getLocalPort();
    }
    startPostgres();
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    TestKafka.createTopic(TOPIC);
    registry.add("chainstore.kafka.bootstrap-servers", TestKafka::bootstrapServers);
  }

  private static void startPostgres() {
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(databasePort)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void removeDatabase() throws IOException {
    postgres.close();
    FileSystemUtils.deleteRecursively(dataDirectory);
  }

  @Test
  void whilePostgresIsAwayNothingIsLostOrCommittedAndTheConsumerCarriesOn() throws Exception {
    long store = location("store", "S1");
    long otherStore = location("store", "S2");
    long warehouse = location("warehouse", "W1");
    long product =
        jdbc.queryForObject(
            "INSERT INTO products (code, name, kind, category) VALUES ('P', 'P', 'goods', 't')"
                + " RETURNING id",
            Long.class);
    long sku =
        jdbc.queryForObject(
            "INSERT INTO skus (product_id, code, name, price) VALUES (?, 'S', 'S', 1.00)"
                + " RETURNING id",
            Long.class,
            product);

    try (KafkaProducer<String, String> producer = producer();
        Admin admin = admin()) {
      UUID first = UUID.randomUUID();
      postgres.close();
      producer.send(record(sku, first, warehouse, store, 10)).get(30, TimeUnit.SECONDS);

      // Tried again and again, never committed, while the database is away.
      await()
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(10))
          .until(() -> consumer.isRunning() && committed(admin) == null);

      startPostgres();
      await().atMost(Duration.ofSeconds(60)).until(() -> kept(first) == 1);
      UUID second = UUID.randomUUID();
      producer.send(record(sku, second, warehouse, otherStore, 11)).get(30, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(60)).until(() -> kept(second) == 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(2).equals(committed(admin)));
      assertThat(kept(first)).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM suggested_transfers", Long.class))
          .isEqualTo(2);
    }
  }

  private long location(String kind, String code) {
    return jdbc.queryForObject(
        "INSERT INTO locations (code, name, kind) VALUES (?, ?, ?) RETURNING id",
        Long.class,
        code,
        code,
        kind);
  }

  private long kept(UUID id) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM suggested_transfers WHERE id = ?", Long.class, id);
  }

  private static ProducerRecord<String, String> record(
      long sku, UUID id, long from, long to, long lsn) {
    return new ProducerRecord<>(
        TOPIC,
        Long.toString(sku),
        """
        {"id":"%s","skuId":%d,"fromLocationId":%d,"toLocationId":%d,"quantity":2,
         "reorderPoint":3,"position":0,"velocityPerDay":"0.500","daysOfCover":null,
         "reason":"under the reorder point","basedOnLsn":%d,"suggestedAt":"2026-11-27T10:00:00Z"}"""
            .formatted(id, sku, from, to, lsn));
  }

  private static Long committed(Admin admin) throws Exception {
    OffsetAndMetadata offset =
        admin
            .listConsumerGroupOffsets(GROUP)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS)
            .get(new TopicPartition(TOPIC, 0));
    return offset == null ? null : offset.offset();
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
  }
}
