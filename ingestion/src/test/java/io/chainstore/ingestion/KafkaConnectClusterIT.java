package io.chainstore.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import io.chainstore.ingestion.connect.MeteredPostgresConnector;
import io.chainstore.local.LocalKafkaCluster;
import io.chainstore.local.LocalKafkaConnect;
import io.chainstore.local.LocalPostgres;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CDC as production runs it: the connector plugin this module builds, on a Kafka Connect
 * distributed worker whose own classpath has no Debezium, writing to a three-broker KRaft cluster;
 * then a broker, the worker and PostgreSQL each fail in turn, and no change is lost.
 */
class KafkaConnectClusterIT {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaConnectClusterIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ORDERS = CdcTopics.topic("orders");
  private static final Duration ARRIVAL = Duration.ofSeconds(120);

  @TempDir static Path dir;
  private static Path pluginPath;
  private static String workerClasspath;
  private static LocalPostgres postgres;
  private static LocalKafkaCluster kafka;
  private static LocalKafkaConnect connect;

  @BeforeAll
  static void startServers() throws Exception {
    pluginPath = Path.of(System.getProperty("connect.plugin.path"));
    // local-servers' runtime classpath holds Kafka Connect and its converters, and no connector.
    Path home = Path.of(System.getProperty("chainstore.home"));
    workerClasspath =
        Files.readString(home.resolve("local-servers/target/runtime-classpath.txt")).strip();

    long t = System.nanoTime();
    postgres = LocalPostgres.start(dir.resolve("pg"));
    sql(
        "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL,"
            + " total_amount numeric(18,2) NOT NULL)");
    insertOrders(1, 2); // read by the connector's snapshot
    LOG.info("PostgreSQL ready in {}", since(t));
    t = System.nanoTime();
    kafka = LocalKafkaCluster.start(dir.resolve("kafka"));
    LOG.info("3 Kafka brokers ready in {}", since(t));
    t = System.nanoTime();
    connect =
        LocalKafkaConnect.start(
            dir.resolve("connect"),
            kafka.bootstrapServers(),
            pluginPath,
            workerClasspath,
            ConnectorConfig.WORKER_SETTINGS);
    LOG.info("Kafka Connect worker ready in {}", since(t));
  }

  @AfterAll
  static void stopServers() {
    long t = System.nanoTime();
    if (connect != null) {
      connect.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    LOG.info("servers stopped in {}", since(t));
  }

  @Test
  void pluginHoldsTheConnectorAndNotWhatTheWorkerProvides() throws Exception {
    Path plugin = pluginPath.resolve("chainstore-postgres");
    List<String> jars;
    try (Stream<Path> files = Files.list(plugin)) {
      jars = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jar")).toList();
    }
    assertThat(jars)
        .anyMatch(j -> j.startsWith("debezium-connector-postgres-"))
        .anyMatch(j -> j.startsWith("postgresql-"))
        .noneMatch(j -> j.startsWith("kafka") || j.startsWith("connect-"))
        .noneMatch(j -> j.startsWith("slf4j") || j.startsWith("log4j"))
        .noneMatch(j -> j.startsWith("jackson-core") || j.startsWith("jackson-databind"))
        .noneMatch(j -> j.startsWith("debezium-embedded"));
    assertThat(plugin.resolve("chainstore-postgres.json")).exists();
    long bytes;
    try (Stream<Path> files = Files.list(plugin)) {
      bytes = files.mapToLong(f -> f.toFile().length()).sum();
    }
    LOG.info("Connect plugin: {} jars, {} KB", jars.size(), bytes / 1024);

    // Isolation: the worker's classpath has no Debezium, so it found the connector in the plugin.
    assertThat(Arrays.asList(workerClasspath.split(File.pathSeparator)))
        .noneMatch(entry -> entry.contains("debezium"));
    assertThat(connect.connectorPlugins())
        .contains(
            "io.debezium.connector.postgresql.PostgresConnector",
            MeteredPostgresConnector.class.getName());
  }

  @Test
  void changesArriveThroughTheLossOfABrokerTheWorkerAndPostgres() throws Exception {
    String name = ConnectorConfig.connectorName();
    connect.createConnector(name, ConnectorConfig.connect(target()));
    connect.awaitRunning(name, ARRIVAL);

    try (OrdersReader orders = new OrdersReader()) {
      insertOrders(3, 5);
      orders.awaitIds(1, 5);
      JsonNode snapshotted = orders.first(1);
      assertThat(snapshotted.path("op").asText()).isEqualTo("r");
      assertThat(snapshotted.path("after").path("total_amount").asText()).isEqualTo("10.10");
      JsonNode streamed = orders.first(3);
      assertThat(streamed.path("op").asText()).isEqualTo("c");
      assertThat(streamed.path("after").path("total_amount").asText()).isEqualTo("30.30");
      assertThat(streamed.path("after").path("status").asText()).isEqualTo("created");
      assertFullyReplicated(ORDERS, LocalKafkaConnect.GROUP_ID + "-offsets");

      // The worker serves the CDC figures: every event Kafka acknowledged, the streamed ones timed
      // from their commit (the snapshot's two rows are not), and the slot as PostgreSQL sees it.
      await()
          .atMost(ARRIVAL)
          .untilAsserted(
              () ->
                  assertThat(sample("chainstore_cdc_events_total{topic=\"" + ORDERS + "\"}"))
                      .isEqualTo(5));
      assertThat(sample("chainstore_cdc_commit_to_kafka_seconds_count")).isEqualTo(3);
      assertThat(sample("chainstore_cdc_commit_to_kafka_seconds_bucket{le=\"+Inf\"}")).isEqualTo(3);
      assertThat(sample("chainstore_cdc_last_commit_timestamp_seconds"))
          .isGreaterThan(System.currentTimeMillis() / 1000.0 - 600);
      assertThat(sample("chainstore_cdc_slot_active{slot=\"chainstore\"}")).isEqualTo(1);
      assertThat(sample("chainstore_cdc_slot_retained_wal_bytes{slot=\"chainstore\"}"))
          .isGreaterThanOrEqualTo(0);
      assertThat(sample("chainstore_cdc_postgres_up")).isEqualTo(1);

      // A broker dies: the one leading the CDC topic. Clients carry on with the other two.
      kafka.createTopics(List.of("probe"), 3); // a partition led by each broker
      try (KafkaProducer<String, String> producer = producer();
          KafkaConsumer<String, String> consumer = consumer("probe-" + UUID.randomUUID())) {
        consumer.subscribe(List.of("probe"));
        int leader = leaderOf(ORDERS);
        long t = System.nanoTime();
        kafka.kill(leader);
        assertThat(kafka.isAlive(leader)).isFalse();
        insertOrders(6, 10);
        for (int i = 1; i <= 30; i++) {
          producer.send(new ProducerRecord<>("probe", "k" + i, "v" + i)).get(60, TimeUnit.SECONDS);
        }
        Set<String> probed = new TreeSet<>();
        await()
            .atMost(ARRIVAL)
            .pollInSameThread()
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> probed.add(r.value()));
                  return probed.size() == 30;
                });
        orders.awaitIds(1, 10);
        LOG.info("broker {} down: all probes and changes through in {}", leader, since(t));
        t = System.nanoTime();
        kafka.restart(leader);
        kafka.awaitInSync(Duration.ofSeconds(60));
        LOG.info("broker {} back and in sync in {}", leader, since(t));
      }

      // The worker dies; changes made meanwhile wait in the replication slot.
      long t = System.nanoTime();
      connect.kill();
      insertOrders(11, 15);
      connect.restart();
      connect.awaitRunning(name, ARRIVAL);
      orders.awaitIds(1, 15);
      LOG.info("worker killed and restarted, changes through in {}", since(t));

      // PostgreSQL restarts on its data and port; the connector reconnects and resumes.
      t = System.nanoTime();
      int port = postgres.port();
      postgres.close();
      LOG.info("PostgreSQL stopped in {}", since(t));
      assertThat(sample("chainstore_cdc_postgres_up"))
          .as("a scrape while PostgreSQL is down")
          .isZero();
      postgres = LocalPostgres.start(dir.resolve("pg"), port);
      insertOrders(16, 20);
      orders.awaitIds(1, 20);
      connect.awaitRunning(name, ARRIVAL);
      LOG.info("PostgreSQL restarted, changes through in {}", since(t));
      LOG.info(
          "{} events for 20 rows (at least once: a crash may repeat some)", orders.eventCount());
    }
  }

  /** The value of one series on the worker's {@code /metrics}; fails if it is missing. */
  private static double sample(String series) throws Exception {
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(connect.url() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    return page.body()
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not in\n" + page.body()));
  }

  /** Three replicas of every partition, two of them needed to acknowledge a write. */
  private static void assertFullyReplicated(String... topics) throws Exception {
    try (Admin admin = admin()) {
      Map<String, TopicDescription> described =
          admin.describeTopics(List.of(topics)).allTopicNames().get(30, TimeUnit.SECONDS);
      for (TopicDescription topic : described.values()) {
        for (TopicPartitionInfo partition : topic.partitions()) {
          assertThat(partition.replicas()).as(topic.name()).hasSize(3);
        }
      }
      ConfigResource orders = new ConfigResource(ConfigResource.Type.TOPIC, topics[0]);
      Config config =
          admin.describeConfigs(List.of(orders)).all().get(30, TimeUnit.SECONDS).get(orders);
      assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    }
  }

  private static int leaderOf(String topic) throws Exception {
    try (Admin admin = admin()) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .get(0)
          .leader()
          .id();
    }
  }

  /** The CDC topic's events as they arrive, by order id; repeats are kept but not required. */
  private static final class OrdersReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer = consumer("orders-" + UUID.randomUUID());
    private final Map<Long, JsonNode> firstById = new HashMap<>();
    private int events;

    OrdersReader() {
      consumer.subscribe(List.of(ORDERS));
    }

    void awaitIds(int from, int to) {
      Set<Long> expected =
          IntStream.rangeClosed(from, to).mapToObj(i -> (long) i).collect(Collectors.toSet());
      await()
          .atMost(ARRIVAL)
          .pollInSameThread()
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  JsonNode event = JSON.readTree(r.value());
                  firstById.putIfAbsent(event.path("after").path("id").asLong(), event);
                  events++;
                }
                return firstById.keySet().containsAll(expected);
              });
      assertThat(firstById.keySet()).containsAll(expected);
    }

    JsonNode first(long id) {
      return firstById.get(id);
    }

    int eventCount() {
      return events;
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  private static PostgresTarget target() {
    return new PostgresTarget(
        "127.0.0.1", postgres.port(), LocalPostgres.DATABASE, postgres.user(), postgres.password());
  }

  /** Orders {@code from..to}, each for {@code id * 10.10}. */
  private static void insertOrders(int from, int to) throws Exception {
    sql(
        "INSERT INTO orders SELECT g, 'created', g * 10.10 FROM generate_series("
            + from
            + ", "
            + to
            + ") g");
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = postgres.connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
  }

  private static KafkaConsumer<String, String> consumer(String group) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, group,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
  }

  private static String since(long nanos) {
    return String.format("%.1f s", (System.nanoTime() - nanos) / 1e9);
  }
}
