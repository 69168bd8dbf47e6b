package io.chainstore.oltp.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.oltp.ApiContract;
import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.TestKafka;
import io.chainstore.oltp.access.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Suggestions published to a real Kafka broker and kept by the running service in its real
 * PostgreSQL: once per suggestion, at most one live per SKU and store, never reopened by a replay;
 * bad records skipped. HQ lists, accepts (one draft transfer) and rejects them over the API, and a
 * shipped transfer ships its suggestion.
 */
@DirtiesContext
class SuggestedTransfersIT extends ApiTestSupport {

  private static final String TOPIC = "test.transfer-suggestions";
  private static final String GROUP = "oltp-service-suggestions-it";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KafkaProducer<String, byte[]> producer;

  @Autowired private SuggestionConsumer consumer;
  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry registry) {
    TestKafka.createTopic(TOPIC);
    registry.add("chainstore.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("chainstore.suggestions.topic", () -> TOPIC);
    registry.add("chainstore.suggestions.group", () -> GROUP);
  }

  @BeforeAll
  static void startProducer() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void stopProducer() {
    producer.close();
  }

  @Test
  void eachSuggestionIsKeptOnceAndAtMostOneIsLivePerSkuAndStore() {
    Fixture f = fixture(new BigDecimal("2.00"), 1);
    UUID first = UUID.randomUUID();
    double duplicates = counted("duplicate");
    double superseded = counted("superseded");

    publish(f.sku(), suggestion(first, f.sku(), f.warehouse(), f.store(), 3, 100));
    awaitKept(first);
    // Delivered again, and a newer suggestion for the same SKU and store while the first is open.
    publish(f.sku(), suggestion(first, f.sku(), f.warehouse(), f.store(), 3, 100));
    UUID second = UUID.randomUUID();
    publish(f.sku(), suggestion(second, f.sku(), f.warehouse(), f.store(), 4, 200));
    awaitKept(marker());

    assertThat(idsFor(f)).containsExactly(first);
    assertThat(counted("duplicate")).isEqualTo(duplicates + 1);
    assertThat(counted("superseded")).isEqualTo(superseded + 1);
    JsonNode kept = get("/api/transfer-suggestions/" + first).body();
    assertThat(kept.path("status").asText()).isEqualTo("open");
    assertThat(kept.path("quantity").asInt()).isEqualTo(3);
    assertThat(kept.path("velocityPerDay").decimalValue()).isEqualByComparingTo("1.250");
    assertThat(kept.path("daysOfCover").decimalValue()).isEqualByComparingTo("0.8");
    assertThat(kept.path("basedOnLsn").asLong()).isEqualTo(100);
    assertThat(kept.path("suggestedAt").asText()).isEqualTo("2026-11-27T10:15:30.123Z");
  }

  @Test
  void aReplayedStaleSuggestionDoesNotReopenARejectedOneButANewerChangeDoes() {
    Fixture f = fixture(new BigDecimal("2.00"), 1);
    UUID first = UUID.randomUUID();
    publish(f.sku(), suggestion(first, f.sku(), f.warehouse(), f.store(), 2, 500));
    awaitKept(first);
    Reply rejected =
        post(
            "/api/transfer-suggestions/" + first + "/reject",
            "{\"reason\": \"the store is being refitted\"}",
            null);
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.body().path("status").asText()).isEqualTo("rejected");
    assertThat(rejected.body().path("rejectReason").asText())
        .isEqualTo("the store is being refitted");
    assertThat(rejected.body().path("decidedBy").asText()).isEqualTo("test admin");
    assertThat(rejected.body().has("decidedAt")).isTrue();

    // The job replayed from an older state: same change (same LSN) or older, new ids.
    publish(f.sku(), suggestion(UUID.randomUUID(), f.sku(), f.warehouse(), f.store(), 2, 500));
    publish(f.sku(), suggestion(UUID.randomUUID(), f.sku(), f.warehouse(), f.store(), 2, 400));
    awaitKept(marker());
    assertThat(idsFor(f)).containsExactly(first);
    assertThat(get("/api/transfer-suggestions/" + first).body().path("status").asText())
        .isEqualTo("rejected");

    UUID later = UUID.randomUUID();
    publish(f.sku(), suggestion(later, f.sku(), f.warehouse(), f.store(), 2, 600));
    awaitKept(later);
    assertThat(idsFor(f)).containsExactlyInAnyOrder(first, later);
  }

  @Test
  void malformedRecordsAndUnknownSkusAreSkippedAndTheNextRecordIsStillKept() {
    Fixture f = fixture(new BigDecimal("2.00"), 1);
    double invalid = counted("invalid");
    publishRaw("x", "{\"id\": \"not even json".getBytes(StandardCharsets.UTF_8));
    publishRaw("x", null);
    UUID unknownSku = UUID.randomUUID();
    publish(999_999_999L, suggestion(unknownSku, 999_999_999L, f.warehouse(), f.store(), 1, 1));
    UUID good = UUID.randomUUID();
    publish(f.sku(), suggestion(good, f.sku(), f.warehouse(), f.store(), 1, 1));
    awaitKept(good);
    assertThat(counted("invalid")).isEqualTo(invalid + 3);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM suggested_transfers WHERE id = ?", Long.class, unknownSku))
        .isZero();
    assertThat(consumer.isRunning()).isTrue();
  }

  @Test
  void hqListsAndAcceptsASuggestionIntoOneDraftTransferThatShipsIt() {
    Fixture f = fixture(new BigDecimal("2.00"), 1);
    long otherStore = store();
    UUID older = UUID.randomUUID();
    UUID newer = UUID.randomUUID();
    publish(
        f.sku(),
        suggestion(older, f.sku(), f.warehouse(), f.store(), 3, 10, "2026-11-27T10:00:00Z"));
    publish(
        f.sku(),
        suggestion(newer, f.sku(), f.warehouse(), otherStore, 2, 11, "2026-11-27T11:00:00Z"));
    awaitKept(newer);

    // Newest first; filters by SKU, store and status.
    assertThat(ids(get("/api/transfer-suggestions?skuId=" + f.sku())))
        .containsExactly(newer, older);
    assertThat(
            ids(get("/api/transfer-suggestions?skuId=" + f.sku() + "&toLocationId=" + f.store())))
        .containsExactly(older);
    assertThat(ids(get("/api/transfer-suggestions?skuId=" + f.sku() + "&limit=1&offset=1")))
        .containsExactly(older);
    assertThat(ids(get("/api/transfer-suggestions?status=open&skuId=" + f.sku()))).hasSize(2);
    assertThat(ids(get("/api/transfer-suggestions?status=accepted&skuId=" + f.sku()))).isEmpty();
    assertProblem(get("/api/transfer-suggestions?toLocationId=999999999"), 404, "toLocationId");
    assertProblem(get("/api/transfer-suggestions?status=done"), 400, "status");

    // Accepted with a key; the same key again answers the same, and creates nothing more.
    String accept = "/api/transfer-suggestions/" + older + "/accept";
    Reply accepted = post(accept, null, "accept-" + older);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.body().path("status").asText()).isEqualTo("accepted");
    assertThat(accepted.body().path("decidedBy").asText()).isEqualTo("test admin");
    long transfer = accepted.body().path("transferId").asLong();
    Reply replayed = post(accept, null, "accept-" + older);
    assertThat(replayed.status()).isEqualTo(200);
    assertThat(replayed.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(replayed.body()).isEqualTo(accepted.body());
    // Accepting again is a conflict about the status.
    assertProblem(post(accept, null, null), 409, "status");
    assertProblem(post(accept, null, "another-key-" + older), 409, "status");
    assertProblem(
        post("/api/transfer-suggestions/" + older + "/reject", null, null), 409, "status");

    List<Map<String, Object>> documents =
        jdbc.queryForList(
            "SELECT * FROM stock_documents WHERE reference = ?", "suggestion:" + older);
    assertThat(documents).hasSize(1);
    Map<String, Object> document = documents.get(0);
    assertThat(((Number) document.get("id")).longValue()).isEqualTo(transfer);
    assertThat(document.get("kind")).isEqualTo("transfer");
    assertThat(document.get("status")).isEqualTo("draft");
    assertThat(((Number) document.get("location_id")).longValue()).isEqualTo(f.warehouse());
    assertThat(((Number) document.get("to_location_id")).longValue()).isEqualTo(f.store());
    List<Map<String, Object>> lines =
        jdbc.queryForList(
            "SELECT sku_id, quantity FROM stock_document_lines WHERE document_id = ?", transfer);
    assertThat(lines).hasSize(1);
    assertThat(((Number) lines.get(0).get("sku_id")).longValue()).isEqualTo(f.sku());
    assertThat(((Number) lines.get(0).get("quantity")).intValue()).isEqualTo(3);
    assertThat(ids(get("/api/transfer-suggestions?status=accepted&skuId=" + f.sku())))
        .containsExactly(older);

    // The transfer ships through the stock API: its suggestion is shipped with it.
    assertThat(post("/api/stock/transfers/" + transfer + "/ship", null, null).status())
        .isEqualTo(200);
    JsonNode shipped = get("/api/transfer-suggestions/" + older).body();
    assertThat(shipped.path("status").asText()).isEqualTo("shipped");
    assertThat(shipped.path("transferId").asLong()).isEqualTo(transfer);
    assertThat(get("/api/transfer-suggestions/" + newer).body().path("status").asText())
        .isEqualTo("open");
  }

  @Test
  void onlyHqAdminsSeeOrDecideAndIdsAreCanonicalUuids() throws Exception {
    Fixture f = fixture(new BigDecimal("2.00"), 1);
    UUID id = UUID.randomUUID();
    publish(f.sku(), suggestion(id, f.sku(), f.warehouse(), f.store(), 1, 1));
    awaitKept(id);
    for (String key :
        List.of(
            keyFor(Role.HQ_ANALYST, null),
            keyFor(Role.STORE_MANAGER, f.store()),
            keyFor(Role.POS, f.store()),
            keyFor(Role.STOREFRONT, null))) {
      assertProblem(getAs(key, "/api/transfer-suggestions"), 403, "Authorization");
      assertProblem(getAs(key, "/api/transfer-suggestions/" + id), 403, "Authorization");
      assertProblem(
          postAs(key, "/api/transfer-suggestions/" + id + "/accept", null, null),
          403,
          "Authorization");
      assertProblem(
          postAs(key, "/api/transfer-suggestions/" + id + "/reject", null, null),
          403,
          "Authorization");
    }
    assertThat(get("/api/transfer-suggestions/" + id).body().path("status").asText())
        .isEqualTo("open");

    assertProblem(get("/api/transfer-suggestions/not-a-uuid"), 400, "id");
    assertProblem(get("/api/transfer-suggestions/1-1-1-1-1"), 400, "id");
    assertProblem(post("/api/transfer-suggestions/42/accept", null, null), 400, "id");
    assertProblem(get("/api/transfer-suggestions/" + UUID.randomUUID()), 404, "id");
    assertProblem(
        post("/api/transfer-suggestions/" + UUID.randomUUID() + "/accept", null, null), 404, "id");
    assertProblem(
        post(
            "/api/transfer-suggestions/" + id + "/reject",
            "{\"reason\": \"" + "x".repeat(501) + "\"}",
            null),
        400,
        "reason");
    assertThat(get("/api/transfer-suggestions/" + id.toString().toUpperCase()).status())
        .isEqualTo(200);

    JsonNode paths = JSON.readTree(ApiContract.document(port)).path("paths");
    for (String op :
        List.of(
            "/~1api~1transfer-suggestions/get/x-roles",
            "/~1api~1transfer-suggestions~1{id}/get/x-roles",
            "/~1api~1transfer-suggestions~1{id}~1accept/post/x-roles",
            "/~1api~1transfer-suggestions~1{id}~1reject/post/x-roles")) {
      assertThat(paths.at(op).toString()).as(op).isEqualTo("[\"hq_admin\"]");
    }
  }

  @Test
  void aRestartedConsumerReadingEverythingAgainKeepsNothingTwice() throws Exception {
    Fixture f = fixture(new BigDecimal("2.00"), 1);
    UUID id = UUID.randomUUID();
    publish(f.sku(), suggestion(id, f.sku(), f.warehouse(), f.store(), 1, 1));
    awaitKept(id);
    awaitCommittedToTheEnd();
    long rows = jdbc.queryForObject("SELECT count(*) FROM suggested_transfers", Long.class);

    // The service stops; its group's offsets go back to the start; a new consumer reads it all.
    consumer.stop();
    assertThat(consumer.isRunning()).isFalse();
    TopicPartition partition = new TopicPartition(TOPIC, 0);
    try (Admin admin = admin()) {
      admin
          .alterConsumerGroupOffsets(GROUP, Map.of(partition, new OffsetAndMetadata(0)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    double duplicates = counted("duplicate");
    consumer.start();
    awaitCommittedToTheEnd();

    assertThat(counted("duplicate")).isGreaterThan(duplicates);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM suggested_transfers", Long.class))
        .isEqualTo(rows);
    assertThat(idsFor(f)).containsExactly(id);
  }

  // ---- the topic ------------------------------------------------------------------------------

  private static String suggestion(UUID id, long sku, long from, long to, int quantity, long lsn) {
    return suggestion(id, sku, from, to, quantity, lsn, "2026-11-27T10:15:30.123Z");
  }

  private static String suggestion(
      UUID id, long sku, long from, long to, int quantity, long lsn, String at) {
    return """
        {"id":"%s","skuId":%d,"fromLocationId":%d,"toLocationId":%d,"quantity":%d,
         "reorderPoint":6,"position":1,"velocityPerDay":"1.250","daysOfCover":"0.8",
         "reason":"available 1 + in transit 0 under reorder point 6","basedOnLsn":%d,
         "suggestedAt":"%s"}"""
        .formatted(id, sku, from, to, quantity, lsn, at);
  }

  private static void publish(long sku, String value) {
    publishRaw(Long.toString(sku), value.getBytes(StandardCharsets.UTF_8));
  }

  private static void publishRaw(String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A suggestion for a SKU and stores of its own, published now: once it is kept, everything
   * published before it has been read (one partition, read in order).
   */
  private UUID marker() {
    Fixture m = fixture(new BigDecimal("1.00"), 1);
    UUID id = UUID.randomUUID();
    publish(m.sku(), suggestion(id, m.sku(), m.warehouse(), m.store(), 1, 1));
    return id;
  }

  private void awaitKept(UUID id) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM suggested_transfers WHERE id = ?", Long.class, id)
                    == 1);
  }

  private void awaitCommittedToTheEnd() throws Exception {
    TopicPartition partition = new TopicPartition(TOPIC, 0);
    try (Admin admin = admin()) {
      long end =
          admin
              .listOffsets(Map.of(partition, OffsetSpec.latest()))
              .partitionResult(partition)
              .get(30, TimeUnit.SECONDS)
              .offset();
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                OffsetAndMetadata committed =
                    admin
                        .listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS)
                        .get(partition);
                return committed != null && committed.offset() == end;
              });
    }
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
  }

  // ---- the table and the API ------------------------------------------------------------------

  private double counted(String outcome) {
    return meters.counter("chainstore.suggestions.received", "outcome", outcome).count();
  }

  private List<UUID> idsFor(Fixture f) {
    return jdbc.queryForList(
        "SELECT id FROM suggested_transfers WHERE sku_id = ? AND to_location_id = ? ORDER BY created_at",
        UUID.class,
        f.sku(),
        f.store());
  }

  private static List<UUID> ids(Reply reply) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    return reply.body().findValues("id").stream()
        .map(JsonNode::asText)
        .map(UUID::fromString)
        .toList();
  }

  private long store() {
    String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
    return jdbc.queryForObject(
        "INSERT INTO locations (code, name, kind) VALUES (?, ?, 'store') RETURNING id",
        Long.class,
        code,
        code);
  }

  private static void assertProblem(Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(reply.body().path("field").asText()).as(reply.raw().body()).isEqualTo(field);
  }
}
