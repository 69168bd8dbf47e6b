package io.chainstore.streaming.kpi;

import static io.chainstore.streaming.ChangeEvents.event;
import static io.chainstore.streaming.ChangeEvents.line;
import static io.chainstore.streaming.ChangeEvents.location;
import static io.chainstore.streaming.ChangeEvents.member;
import static io.chainstore.streaming.ChangeEvents.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainstore.local.LocalKafka;
import io.chainstore.streaming.Checkpoints;
import io.chainstore.streaming.JobOptions;
import io.chainstore.streaming.StreamingJob;
import io.chainstore.streaming.cdc.CdcSources;
import io.chainstore.streaming.mirror.Mirrors;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.SharedClickHouse;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a Flink MiniCluster between a real Kafka broker and a real ClickHouse, fed recorded
 * Debezium events of two stores in two time zones: business days, the split by kind, the product
 * ranking, new members, targets and the dimension copies come out exact through events in any order
 * across topics, a duplicate delivery, a cancellation, a partial return and a stop and restore from
 * a checkpoint.
 */
class StoreKpisJobIT {

  private static LocalKafka kafka;
  private static KafkaProducer<String, String> producer;
  private static ClickHouseClient clickhouse;
  private static Path checkpoints;
  private static int metricsPort;

  // Deleted after the class: Kafka's log, checkpoints and the MiniCluster's own files.
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    checkpoints = dir.resolve("checkpoints");
    kafka = LocalKafka.start(dir.resolve("kafka"));
    List<String> tables = new ArrayList<>(StoreKpisJob.SALES_TABLES);
    tables.addAll(StoreKpisJob.REPAIR_TABLES);
    tables.addAll(List.of("locations", "members"));
    tables.addAll(Mirrors.sources(Mirrors.STORE_TABLES));
    kafka.createTopics(
        tables.stream()
            .distinct()
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
  void storeKpisAreExactOnEachStoresBusinessDayThroughDisorderDuplicatesAndARestore()
      throws Exception {
    // Store 1 is in Shanghai, store 2 in Berlin; one drink SKU; a member joins at store 1.
    send("locations", location(1, 1, "store", "Asia/Shanghai"));
    send("locations", location(2, 2, "store", "Europe/Berlin"));
    send(
        "products",
        event(
            "products",
            "r",
            3,
            "id",
            70,
            "code",
            "P70",
            "name",
            "Tea",
            "kind",
            "goods",
            "category",
            "drinks"));
    send(
        "skus",
        event(
            "skus",
            "r",
            4,
            "id",
            101,
            "product_id",
            70,
            "code",
            "TEA-S",
            "name",
            "Tea small",
            "barcode",
            null,
            "price",
            "4.00"));
    send("members", member(5, 42, 1L, "pos", "2026-11-27T17:00:00.000000Z"));
    send("kpi_targets", target(7, 2, "month", "2026-11-01", "50.00", 5, 0));
    send("kpi_targets", target(6, 1, "day", "2026-11-28", "100.00", 10, 2));

    // Order 1 at store 1: 17:30 UTC is 01:30 on the 28th in Shanghai; paid twice (a duplicate).
    send("orders", order("c", 100, 1, 1, "pos", 42L, "created", "8.00", "8.00", 2, null));
    send("order_lines", line("c", 101, 1, 1, 101, 2, "8.00", "goods"));
    String paid1 =
        order("u", 110, 1, 1, "pos", 42L, "paid", "8.00", "8.00", 2, "2026-11-27T17:30:00.000000Z");
    send("orders", paid1);
    // Order 2 at store 2: its line arrives before it; paid 23:30 Berlin time, then cancelled.
    send("order_lines", line("c", 121, 2, 1, 101, 1, "5.55", "goods"));
    send("orders", order("c", 120, 2, 2, "online", null, "created", "5.55", "5.55", 1, null));
    String paidAt2 = "2026-11-27T22:30:00.000000Z";
    send("orders", order("u", 130, 2, 2, "online", null, "paid", "5.55", "5.55", 1, paidAt2));
    send("orders", order("u", 150, 2, 2, "online", null, "cancelled", "5.55", "5.55", 1, paidAt2));
    send("orders", paid1);

    JobClient first = startJob(Optional.empty());
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> assertThat(day(1, "pos", "2026-11-28")).containsEntry("net_sales", "8.00"));
    await().atMost(Duration.ofSeconds(60)).until(() -> Checkpoints.latest(checkpoints).isPresent());
    // Order 3 at store 2 after midnight in Berlin, while the job is going down.
    send("orders", order("c", 200, 3, 2, "online", null, "created", "3.00", "3.00", 2, null));
    send("order_lines", line("c", 201, 3, 1, 101, 2, "3.00", "goods"));
    first.cancel().get();

    String paidAt3 = "2026-11-27T23:10:00.000000Z";
    send("orders", order("u", 205, 3, 2, "online", null, "fulfilled", "3.00", "3.00", 2, paidAt3));
    // One unit comes back with 1.00 refunded.
    send(
        "order_return_lines",
        event(
            "order_return_lines",
            "c",
            210,
            "return_id",
            9,
            "order_id",
            3,
            "line_no",
            1,
            "quantity",
            1,
            "refund_amount",
            "1.00"));
    send(
        "order_lines",
        event(
            "order_lines",
            "u",
            211,
            "order_id",
            3,
            "line_no",
            1,
            "sku_id",
            101,
            "quantity",
            2,
            "line_amount",
            "3.00",
            "returned_quantity",
            1,
            "product_kind",
            "goods"));
    send(
        "orders",
        event(
            "orders",
            "u",
            212,
            "id",
            3,
            "store_id",
            2,
            "channel",
            "online",
            "member_id",
            null,
            "status",
            "fulfilled",
            "subtotal_amount",
            "3.00",
            "total_amount",
            "3.00",
            "total_units",
            2,
            "paid_at",
            paidAt3,
            "refunded_amount",
            "1.00",
            "returned_units",
            1,
            "created_at",
            "2026-11-27T23:00:00.000000Z"));

    // A repair at store 1 (02:00 on the 28th in Shanghai): a part and labour, paid twice.
    String[] workOrder = {
      "id",
      "7",
      "store_id",
      "1",
      "technician_id",
      "3",
      "member_id",
      null,
      "status",
      "open",
      "parts_amount",
      "4.00",
      "labour_amount",
      "20.00",
      "total_amount",
      "24.00",
      "paid_at",
      null
    };
    send("work_orders", event("work_orders", "c", 215, (Object[]) workOrder));
    send(
        "work_order_lines",
        event(
            "work_order_lines",
            "c",
            216,
            "work_order_id",
            7,
            "line_no",
            1,
            "kind",
            "part",
            "sku_id",
            101,
            "quantity",
            1,
            "line_amount",
            "4.00"));
    send(
        "work_order_lines",
        event(
            "work_order_lines",
            "c",
            217,
            "work_order_id",
            7,
            "line_no",
            2,
            "kind",
            "labour",
            "sku_id",
            null,
            "quantity",
            null,
            "line_amount",
            "20.00"));
    workOrder[9] = "paid";
    workOrder[17] = "2026-11-27T18:00:00.000000Z";
    String repairPaid = event("work_orders", "u", 218, (Object[]) workOrder);
    send("work_orders", repairPaid);
    send("work_orders", repairPaid);

    JobClient second = startJob(Checkpoints.latest(checkpoints));
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                Map<String, String> shanghai = day(1, "pos", "2026-11-28");
                assertThat(shanghai)
                    .containsEntry("bucket_start", "2026-11-27 16:00:00")
                    .containsEntry("net_sales", "8.00")
                    .containsEntry("paid_orders", "1")
                    .containsEntry("units", "2")
                    .containsEntry("member_orders", "1")
                    .containsEntry("member_net_sales", "8.00")
                    .containsEntry("new_members", "1")
                    .containsEntry("goods_net_sales", "8.00");
                assertThat(day(1, RepairSales.CHANNEL, "2026-11-28"))
                    .containsEntry("net_sales", "24.00")
                    .containsEntry("paid_orders", "1")
                    .containsEntry("units", "1")
                    .containsEntry("part_net_sales", "4.00")
                    .containsEntry("part_units", "1")
                    .containsEntry("service_net_sales", "20.00")
                    .containsEntry("service_units", "0")
                    .containsEntry("member_orders", "0");
                assertThat(day(2, "online", "2026-11-27"))
                    .containsEntry("net_sales", "0.00")
                    .containsEntry("paid_orders", "0");
                assertThat(day(2, "online", "2026-11-28"))
                    .containsEntry("gross_sales", "3.00")
                    .containsEntry("refunds", "1.00")
                    .containsEntry("net_sales", "2.00")
                    .containsEntry("units", "1")
                    .containsEntry("goods_units", "1");
                assertThat(
                        clickhouse.queryValue(
                            "SELECT sum(net_sales) FROM store_kpi FINAL WHERE grain = 'minute'"))
                    .isEqualTo("34.00");
                assertThat(
                        clickhouse.query(
                            "SELECT store_id, local_date, net_sales, units, category"
                                + " FROM sku_sales_day ORDER BY store_id, local_date"))
                    .containsExactly(
                        Map.of(
                            "store_id",
                            "1",
                            "local_date",
                            "2026-11-28",
                            "net_sales",
                            "12.00",
                            "units",
                            "3",
                            "category",
                            "drinks"),
                        Map.of(
                            "store_id",
                            "2",
                            "local_date",
                            "2026-11-28",
                            "net_sales",
                            "2.00",
                            "units",
                            "1",
                            "category",
                            "drinks"));
                // The chain's ranking: the stores' rows added up per SKU and day, by the job.
                assertThat(
                        clickhouse.query(
                            "SELECT sku_id, local_date, net_sales, units, category"
                                + " FROM sku_sales_chain_day ORDER BY sku_id, local_date"))
                    .isEqualTo(
                        clickhouse.query(
                            "SELECT sku_id, local_date, sum(net_sales) AS net_sales,"
                                + " sum(units) AS units, any(category) AS category"
                                + " FROM sku_sales_day GROUP BY sku_id, local_date"
                                + " ORDER BY sku_id, local_date"))
                    .isNotEmpty();
                assertThat(
                        clickhouse.queryValue(
                            "SELECT toString(sum(net_sales)) FROM sku_chain_sales FINAL"))
                    .isEqualTo("14.00");
                assertThat(
                        clickhouse.queryValue(
                            "SELECT time_zone FROM store_dim FINAL WHERE store_id = 2"))
                    .isEqualTo("Europe/Berlin");
                assertThat(
                        clickhouse.queryValue(
                            "SELECT toString(achieved_net_sales) FROM kpi_target_progress"
                                + " WHERE store_id = 1"))
                    .isEqualTo("32.00");
                // Each business month is its days added up; a month target reads its month row.
                assertThat(
                        clickhouse.query(
                            "SELECT store_id, channel, toString(local_date) AS month,"
                                + " toString(net_sales) AS net_sales, paid_orders, units"
                                + " FROM store_kpi FINAL WHERE grain = 'month'"
                                + " ORDER BY store_id, channel"))
                    .isEqualTo(
                        clickhouse.query(
                            "SELECT store_id, channel, toString(toStartOfMonth(local_date))"
                                + " AS month, toString(sum(net_sales)) AS net_sales,"
                                + " sum(paid_orders) AS paid_orders, sum(units) AS units"
                                + " FROM store_kpi FINAL WHERE grain = 'day'"
                                + " GROUP BY store_id, channel, month"
                                + " ORDER BY store_id, channel"))
                    .hasSize(3);
                assertThat(
                        clickhouse.queryValue(
                            "SELECT toString(achieved_net_sales) FROM kpi_target_progress"
                                + " WHERE store_id = 2 AND period_type = 'month'"))
                    .isEqualTo("2.00");
              });
      // The job's figures for Prometheus: checkpoints, the sources' lag, the sink's writes.
      String metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      // The names the alert rules (dashboards/prometheus) are written against.
      assertThat(metrics)
          .contains(
              "flink_jobmanager_job_lastCheckpointCompletedTimestamp{",
              "flink_jobmanager_job_numberOfFailedCheckpoints{",
              "flink_taskmanager_job_task_operator_currentEmitEventTimeLag{",
              "flink_taskmanager_job_task_operator_unwrittenAgeMs{",
              "flink_taskmanager_job_task_operator_writeRetries{",
              "flink_taskmanager_job_task_operator_duplicateChangesDropped{",
              "job_name=\"store_kpis\""); // the reporter writes - as _
      assertThat(
              metrics
                  .lines()
                  .filter(l -> l.startsWith("flink_taskmanager_job_task_operator_rowsWritten{"))
                  .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                  .sum())
          .isPositive();
    } finally {
      second.cancel().get();
    }
  }

  private static JobClient startJob(Optional<Path> restoreFrom) throws Exception {
    Configuration conf = new Configuration();
    try (ServerSocket socket = new ServerSocket(0)) {
      metricsPort = socket.getLocalPort();
    }
    StreamingJob.prometheusReporter(conf, String.valueOf(metricsPort));
    conf.set(CoreOptions.TMP_DIRS, dir.resolve("flink-tmp").toString());
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    restoreFrom.ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(500);
    env.getCheckpointConfig()
        .setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    JobOptions options =
        new JobOptions(
            new String[] {
              "--kafka-bootstrap-servers", kafka.bootstrapServers(),
              "--group-id", "it",
              "--clickhouse-url", clickhouse.settings().url(),
              "--clickhouse-database", clickhouse.settings().database(),
              "--flush-ms", "100"
            },
            Map.of());
    StoreKpisJob.build(env, StoreKpisJob.connections(options), "UTC");
    return env.executeAsync(StoreKpisJob.NAME);
  }

  private static void send(String table, String json) throws Exception {
    producer
        .send(new ProducerRecord<>(CdcSources.topic(CdcSources.DEFAULT_PREFIX, table), table, json))
        .get();
  }

  private static String target(
      long lsn,
      long store,
      String periodType,
      String periodStart,
      String netSales,
      long orders,
      long newMembers) {
    return event(
        "kpi_targets",
        "r",
        lsn,
        "store_id",
        store,
        "period_type",
        periodType,
        "period_start",
        localDate(periodStart),
        "net_sales",
        netSales,
        "orders",
        orders,
        "new_members",
        newMembers);
  }

  private static long localDate(String date) {
    return java.time.LocalDate.parse(date).toEpochDay();
  }

  private static Map<String, String> day(long store, String channel, String localDate) {
    List<Map<String, String>> rows =
        clickhouse.query(
            "SELECT * FROM store_kpi FINAL WHERE grain = 'day' AND store_id = "
                + store
                + " AND channel = '"
                + channel
                + "' AND local_date = '"
                + localDate
                + "'");
    return rows.isEmpty() ? Map.of() : rows.get(0);
  }
}
