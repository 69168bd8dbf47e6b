package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.local.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Prometheus configuration and alert rules on a real Prometheus (Debian's package)
 * scraping the local stack, with only the targets and the key put in as a deployer does; the batch
 * jobs' figures come through a real node exporter's textfile collector. Every stage's target is up,
 * every series an alert reads is there under the labels the rule names, every rule evaluates, none
 * fires on the healthy stack, and a failed batch run raises its alert until the next run succeeds.
 */
class PrometheusScrapeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHIPPED =
      Modules.fromSystemProperty().home().resolve("dashboards/src/main/prometheus");
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:flink|chainstore|http_server)_[A-Za-z_]+)\\b");

  private static LocalStack stack;
  private static ChildProcess nodeExporter;
  private static ChildProcess prometheus;
  private static String prometheusUrl;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    stack = SharedStack.get();
    // Traffic for every stage: orders through the service, CDC and the jobs; a batch run.
    new TradingSimulator(stack.adminApi(), SharedStack.chain(), 31)
        .trade(0, 20, 4, new Progress(System.out));
    assertThat(stack.runExportSegment("tags: active", dir.resolve("active.csv"))).isZero();

    int exporterPort = FreePorts.one();
    nodeExporter =
        ChildProcess.start(
            "node-exporter",
            List.of(
                "prometheus-node-exporter",
                "--web.listen-address=127.0.0.1:" + exporterPort,
                "--collector.disable-defaults",
                "--collector.textfile",
                "--collector.textfile.directory=" + stack.batchMetricsDir()),
            Map.of(),
            dir.resolve("node-exporter.log"));

    // The key a deployer gives Prometheus: one of role monitoring, which reads only the metrics.
    ApiClient.Reply issued =
        stack
            .adminApi()
            .post(
                "/api/admin/api-keys",
                "{\"name\": \"prometheus\", \"role\": \"monitoring\"}",
                null);
    assertThat(issued.status()).isEqualTo(201);
    String monitoringKey = issued.body().path("key").asText();

    StackOptions deployment =
        StackOptions.parse(new String[] {"--work-dir", stack.workDir().toString()});
    Path config = dir.resolve("chainstore-prometheus.yml");
    Files.writeString(
        config,
        asDeployed(
            Files.readString(SHIPPED.resolve("chainstore-prometheus.yml")),
            Map.of(
                "scrape_interval: 15s",
                "scrape_interval: 1s",
                "evaluation_interval: 15s",
                "evaluation_interval: 1s",
                "REPLACE-WITH-A-MONITORING-KEY",
                monitoringKey,
                "[\"oltp-service:8080\"]",
                targets(stack.apiUrl()),
                "[\"connect-1:8083\", \"connect-2:8083\"]",
                targets(deployment.get("cdc-metrics-url")),
                "[\"flink-jobmanager:9249\", \"flink-taskmanager-1:9249\","
                    + " \"flink-taskmanager-2:9249\"]",
                targets(deployment.get("flink-metrics-url")),
                "[\"batch-host:9100\"]",
                "[\"127.0.0.1:" + exporterPort + "\"]")));
    Files.copy(SHIPPED.resolve("chainstore-alerts.yml"), dir.resolve("chainstore-alerts.yml"));

    int port = FreePorts.one();
    prometheusUrl = "http://127.0.0.1:" + port;
    prometheus =
        ChildProcess.start(
            "prometheus",
            List.of(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port),
            Map.of(),
            dir.resolve("prometheus.log"));
    prometheus.awaitReady(
        () -> HttpGet.bodyIfOk(prometheusUrl + "/-/ready") != null, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (nodeExporter != null) {
      nodeExporter.close();
    }
  }

  @Test
  void everyStageIsScrapedAndEveryRuleReadsSeriesThatExist() throws Exception {
    JsonNode targets =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> api("/api/v1/targets").path("activeTargets"),
                active -> active.size() == 4 && allUp(active));
    List<String> jobs = new ArrayList<>();
    targets.forEach(target -> jobs.add(target.path("labels").path("job").asText()));
    assertThat(jobs)
        .containsExactlyInAnyOrder(
            "chainstore-oltp-service", "chainstore-cdc", "chainstore-flink", "chainstore-batch");

    String rules = Files.readString(SHIPPED.resolve("chainstore-alerts.yml"));
    Set<String> metrics = new TreeSet<>();
    Matcher metric = METRIC.matcher(rules);
    while (metric.find()) {
      metrics.add(metric.group(1));
    }
    assertThat(metrics).hasSizeGreaterThanOrEqualTo(9);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(metrics)
                    .allSatisfy(
                        name ->
                            assertThat(query("count({__name__=\"" + name + "\"})"))
                                .as(name)
                                .isNotEmpty()));

    // The labels the rules select and group by are the ones the stages export. (The local stack
    // runs the four pipelines as one Flink job; a cluster runs each as its own.)
    assertThat(
            labelValues(
                "max by (job_name) (flink_jobmanager_job_lastCheckpointCompletedTimestamp)",
                "job_name"))
        .containsExactly("chainstore_analytics");
    assertThat(
            labelValues(
                "max by (job_name) (flink_taskmanager_job_task_operator_currentEmitEventTimeLag)",
                "job_name"))
        .containsExactly("chainstore_analytics");
    assertThat(
            query(
                "http_server_requests_seconds_bucket{application=\"oltp-service\",method=\"POST\","
                    + "uri=\"/api/orders\"}"))
        .isNotEmpty();
    assertThat(labelValues("chainstore_batch_last_run_success", "batch_job"))
        .contains("export-segment");
    assertThat(query("chainstore_cdc_slot_retained_wal_bytes")).isNotEmpty();

    // Every rule evaluates on the real series, and the healthy stack raises no alert.
    JsonNode groups =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> api("/api/v1/rules").path("groups"), g -> allEvaluated(g));
    List<JsonNode> loaded = new ArrayList<>();
    groups.forEach(group -> group.path("rules").forEach(loaded::add));
    assertThat(loaded)
        .hasSize(countOf("- alert: ", rules))
        .allSatisfy(
            rule -> assertThat(rule.path("health").asText()).as(rule.toString()).isEqualTo("ok"));
    assertThat(alerts()).as("alerts on a healthy stack").isEmpty();
  }

  @Test
  void aFailedBatchRunRaisesItsAlertUntilTheNextRunSucceeds() throws Exception {
    // An output in a folder that cannot exist (its parent is a file): the export fails.
    Path file = Files.writeString(dir.resolve("not-a-folder"), "");
    assertThat(stack.runExportSegment("tags: active", file.resolve("active.csv"))).isNotZero();
    List<JsonNode> firing =
        await().atMost(Duration.ofSeconds(60)).until(PrometheusScrapeIT::alerts, a -> !a.isEmpty());
    assertThat(firing)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.path("labels").path("alertname").asText())
                  .isEqualTo("ChainstoreBatchFailed");
              assertThat(alert.path("labels").path("batch_job").asText())
                  .isEqualTo("export-segment");
              assertThat(alert.path("state").asText()).isEqualTo("firing");
              assertThat(alert.path("annotations").path("summary").asText())
                  .isEqualTo("the last run of export-segment failed");
            });

    assertThat(stack.runExportSegment("tags: active", dir.resolve("again.csv"))).isZero();
    await().atMost(Duration.ofSeconds(60)).until(() -> alerts().isEmpty());
  }

  /** The shipped configuration with each of {@code changes} made; each must be there to make. */
  private static String asDeployed(String shipped, Map<String, String> changes) {
    String deployed = shipped;
    for (Map.Entry<String, String> change : changes.entrySet()) {
      assertThat(deployed).as("the shipped configuration").contains(change.getKey());
      deployed = deployed.replace(change.getKey(), change.getValue());
    }
    return deployed;
  }

  /** {@code ["host:port", …]} of comma-separated URLs. */
  private static String targets(String urls) {
    List<String> targets = new ArrayList<>();
    for (String url : urls.split(",")) {
      URI uri = URI.create(url.trim());
      targets.add("\"" + uri.getHost() + ":" + uri.getPort() + "\"");
    }
    return "[" + String.join(", ", targets) + "]";
  }

  private static boolean allUp(JsonNode targets) {
    for (JsonNode target : targets) {
      if (!target.path("health").asText().equals("up")) {
        return false;
      }
    }
    return true;
  }

  private static boolean allEvaluated(JsonNode groups) {
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.path("lastEvaluation").asText().startsWith("0001-")) {
          return false;
        }
      }
    }
    return groups.size() > 0;
  }

  /**
   * The alerts pending or firing, but for the checkout's p99 above 100 ms: with the whole stack and
   * the tests on two cores, that one tells the machine's speed, not the platform's health.
   */
  private static List<JsonNode> alerts() throws IOException {
    List<JsonNode> alerts = new ArrayList<>();
    for (JsonNode alert : api("/api/v1/alerts").path("alerts")) {
      if (!alert.path("labels").path("alertname").asText().equals("ChainstoreCheckoutSlow")) {
        alerts.add(alert);
      }
    }
    return alerts;
  }

  private static JsonNode query(String promql) throws IOException {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
        .path("result");
  }

  private static Set<String> labelValues(String promql, String label) throws IOException {
    Set<String> values = new TreeSet<>();
    query(promql).forEach(series -> values.add(series.path("metric").path(label).asText()));
    return values;
  }

  private static int countOf(String needle, String text) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }

  private static JsonNode api(String path) throws IOException {
    String body = HttpGet.bodyIfOk(prometheusUrl + path);
    if (body == null) {
      throw new IOException(prometheusUrl + path + " did not answer 200");
    }
    JsonNode answer = JSON.readTree(body);
    assertThat(answer.path("status").asText()).isEqualTo("success");
    return answer.path("data");
  }
}
