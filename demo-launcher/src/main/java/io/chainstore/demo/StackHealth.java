package io.chainstore.demo;

import io.chainstore.ingestion.SlotHealth;
import io.chainstore.warehouse.ClickHouseClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The health and lag of every part of a deployment, as {@code ./chainstore status} prints them: a
 * part not reachable within a few seconds is DOWN, one the caller did not say how to reach is not
 * looked at.
 */
final class StackHealth {

  enum Status {
    UP,
    DOWN,
    UNKNOWN
  }

  /** One line of the status. */
  record Component(String name, Status status, String detail) {}

  /** Where the parts are; null for a part not to look at. */
  record Deployment(
      String postgresUrl,
      String postgresUser,
      String postgresPassword,
      ClickHouseClient clickhouse,
      String cdcMetricsUrl,
      String kafkaBootstrapServers,
      List<String> jobs,
      String flinkMetricsUrl,
      Path checkpointDir,
      String apiUrl,
      Path batchMetricsDir,
      String flinkRestUrl,
      String sparkMasterUiUrl,
      String connectUrl) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private StackHealth() {}

  static List<Component> check(Deployment deployment) {
    List<Component> components = new ArrayList<>();
    components.add(service(deployment.apiUrl()));
    components.addAll(postgres(deployment));
    components.add(cdc(deployment.cdcMetricsUrl()));
    components.addAll(kafka(deployment.kafkaBootstrapServers(), deployment.jobs()));
    components.add(flink(deployment.flinkMetricsUrl()));
    components.add(checkpoints(deployment.checkpointDir()));
    components.add(clickhouse(deployment.clickhouse()));
    components.addAll(batchRuns(deployment.batchMetricsDir()));
    components.addAll(
        ClusterHealth.check(
            deployment.flinkRestUrl(), deployment.sparkMasterUiUrl(), deployment.connectUrl()));
    return components;
  }

  private static Component service(String apiUrl) {
    if (apiUrl == null) {
      return unknown("oltp-service", "no --api-url");
    }
    try {
      HttpResponse<String> health = get(apiUrl + "/actuator/health");
      boolean up = health.statusCode() == 200 && health.body().contains("\"UP\"");
      return new Component(
          "oltp-service",
          up ? Status.UP : Status.DOWN,
          up
              ? apiUrl + " healthy"
              : apiUrl + " health " + health.statusCode() + " " + health.body());
    } catch (IOException e) {
      return down("oltp-service", apiUrl + " unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down("oltp-service", "interrupted");
    }
  }

  /** The database, and each logical replication slot: connector attached, WAL kept for it. */
  private static List<Component> postgres(Deployment d) {
    if (d.postgresUrl() == null) {
      return List.of(unknown("postgresql", "no --postgres-url"));
    }
    Properties login = new Properties();
    login.setProperty("user", d.postgresUser() == null ? "" : d.postgresUser());
    login.setProperty("password", d.postgresPassword() == null ? "" : d.postgresPassword());
    login.setProperty("connectTimeout", Long.toString(TIMEOUT.toSeconds()));
    login.setProperty("socketTimeout", Long.toString(TIMEOUT.toSeconds()));
    List<Component> components = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(d.postgresUrl(), login);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_setting('server_version'),"
                    + " extract(epoch FROM now() - pg_postmaster_start_time())::bigint")) {
      rs.next();
      components.add(
          new Component(
              "postgresql",
              Status.UP,
              "PostgreSQL " + rs.getString(1) + ", up " + age(rs.getLong(2))));
      List<SlotHealth.Slot> slots = SlotHealth.read(c);
      if (slots.isEmpty()) {
        components.add(down("cdc slot", "no logical replication slot: CDC never connected"));
      }
      for (SlotHealth.Slot slot : slots) {
        components.add(
            new Component(
                "cdc slot " + slot.name(),
                slot.active() ? Status.UP : Status.DOWN,
                (slot.active() ? "connector attached" : "no connector attached")
                    + ", "
                    + megabytes(slot.retainedWalBytes())
                    + " of WAL kept for it"));
      }
    } catch (SQLException e) {
      components.add(down("postgresql", d.postgresUrl() + ": " + e.getMessage()));
    }
    return components;
  }

  /**
   * What the connector forwarded, from its Prometheus figures (ingestion's {@code /metrics}): the
   * events, and how long after its commit the newest reached Kafka.
   */
  private static Component cdc(String metricsUrl) {
    return fromMetrics(
        "cdc",
        metricsUrl,
        samples ->
            "%,d change events forwarded; the newest reached Kafka %s s after its commit"
                .formatted(
                    (long)
                        samples.stream()
                            .filter(x -> x.name().equals("chainstore_cdc_events_total"))
                            .mapToDouble(Sample::number)
                            .sum(),
                    samples.stream()
                        .filter(x -> x.name().equals("chainstore_cdc_last_commit_to_kafka_seconds"))
                        .map(Sample::value)
                        .findFirst()
                        .orElse("?")));
  }

  /** The brokers, and how many change events each job has not yet committed. */
  private static List<Component> kafka(String bootstrapServers, List<String> jobs) {
    if (bootstrapServers == null || bootstrapServers.isEmpty()) {
      return List.of(unknown("kafka", "no --kafka-bootstrap-servers"));
    }
    List<Component> components = new ArrayList<>();
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
      int brokers =
          admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
      components.add(
          new Component(
              "kafka", Status.UP, bootstrapServers + ", " + brokers + " broker(s) answering"));
    } catch (ExecutionException | TimeoutException e) {
      return List.of(down("kafka", bootstrapServers + " unreachable: " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(down("kafka", "interrupted"));
    }
    components.addAll(jobLags(bootstrapServers, jobs));
    return components;
  }

  /** Each job's change events not yet committed, read by one client for all of them. */
  private static List<Component> jobLags(String bootstrapServers, List<String> jobs) {
    List<String> groups = jobs.stream().map(JobOffsets::consumerGroup).toList();
    List<Component> components = new ArrayList<>();
    try (JobOffsets offsets = new JobOffsets(bootstrapServers, groups)) {
      Map<String, OptionalLong> behind = offsets.behindEach();
      for (String job : jobs) {
        OptionalLong events = behind.get(JobOffsets.consumerGroup(job));
        components.add(
            events.isEmpty()
                ? down("job " + job, "no offsets committed yet (no checkpoint completed)")
                : new Component(
                    "job " + job,
                    Status.UP,
                    "%,d change events not yet committed".formatted(events.getAsLong())));
      }
      return components;
    } catch (RuntimeException e) {
      return jobs.stream()
          .map(job -> down("job " + job, "offsets unreadable: " + e.getMessage()))
          .toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return jobs.stream().map(job -> down("job " + job, "interrupted")).toList();
    }
  }

  /**
   * The jobs' sources, from Flink's Prometheus reporter: how long after Kafka received it the
   * newest record was read ({@code currentEmitEventTimeLag}, the most behind source).
   */
  private static Component flink(String metricsUrl) {
    return fromMetrics(
        "flink",
        metricsUrl,
        samples ->
            samples.stream()
                .filter(
                    x ->
                        x.name()
                            .equals("flink_taskmanager_job_task_operator_currentEmitEventTimeLag"))
                .mapToLong(x -> (long) x.number())
                .max()
                .stream()
                .mapToObj(
                    lag ->
                        "the newest record was read %,d ms after Kafka received it (the most behind source)"
                            .formatted(lag))
                .findFirst()
                .orElse("no record read yet"));
  }

  /** One sample of Prometheus' text format: its metric's name (labels left out) and its value. */
  record Sample(String name, String value) {

    static Sample of(String line) {
      int labels = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      return new Sample(
          line.substring(0, labels < 0 ? line.indexOf(' ') : labels), line.substring(space + 1));
    }

    double number() {
      return Double.parseDouble(value);
    }
  }

  /**
   * A part known by the Prometheus figures it serves at {@code urls} (comma-separated: a cluster's
   * processes each serve their own), described by {@code describe}.
   */
  private static Component fromMetrics(
      String name, String urls, Function<List<Sample>, String> describe) {
    if (urls == null) {
      return unknown(name, "no --" + name + "-metrics-url");
    }
    List<Sample> samples = new ArrayList<>();
    for (String url : urls.split(",")) {
      try {
        HttpResponse<String> scrape = get(url);
        if (scrape.statusCode() != 200) {
          return down(name, url + " answered " + scrape.statusCode());
        }
        scrape
            .body()
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(Sample::of)
            .forEach(samples::add);
      } catch (IOException | RuntimeException e) {
        return down(name, url + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return down(name, "interrupted");
      }
    }
    return new Component(name, Status.UP, describe.apply(samples));
  }

  /** The newest completed checkpoint of the jobs: its {@code _metadata} file's age. */
  private static Component checkpoints(Path dir) {
    if (dir == null) {
      return unknown("checkpoints", "no --checkpoint-dir");
    }
    if (!Files.isDirectory(dir)) {
      return down("checkpoints", dir + " does not exist");
    }
    try (Stream<Path> files = Files.walk(dir, 4)) {
      Optional<Instant> newest =
          files
              .filter(p -> p.getFileName().toString().equals("_metadata"))
              .map(StackHealth::modified)
              .flatMap(Optional::stream)
              .max(Instant::compareTo);
      return newest
          .map(
              at ->
                  new Component(
                      "checkpoints",
                      Status.UP,
                      "latest completed "
                          + age(Duration.between(at, Instant.now()).toSeconds())
                          + " ago"))
          .orElse(down("checkpoints", "none completed in " + dir));
    } catch (IOException | java.io.UncheckedIOException e) {
      return down("checkpoints", dir + ": " + e.getMessage());
    }
  }

  private static Optional<Instant> modified(Path file) {
    try {
      return Optional.of(Files.getLastModifiedTime(file).toInstant());
    } catch (IOException e) {
      return Optional.empty(); // a checkpoint being cleaned up
    }
  }

  /** The server, and how long ago the store KPIs were last written. */
  private static Component clickhouse(ClickHouseClient clickhouse) {
    String url = clickhouse.settings().url();
    if (!clickhouse.ping()) {
      return down("clickhouse", url + " does not answer");
    }
    try {
      Map<String, String> row =
          clickhouse
              .query(
                  "SELECT version() AS version, count() AS rows,"
                      + " toInt64(now()) - toInt64(max(updated_at)) AS age FROM store_kpi")
              .get(0);
      String written =
          "0".equals(row.get("rows"))
              ? "store_kpi empty"
              : "store_kpi last written " + age(Long.parseLong(row.get("age"))) + " ago";
      return new Component(
          "clickhouse", Status.UP, url + ", ClickHouse " + row.get("version") + ", " + written);
    } catch (RuntimeException e) {
      return down("clickhouse", url + ": " + e.getMessage());
    }
  }

  /**
   * The last run of each batch job, from the files its {@code --metrics-file} wrote there (as the
   * node exporter's textfile collector reads them).
   */
  private static List<Component> batchRuns(Path dir) {
    if (dir == null) {
      return List.of(unknown("batch jobs", "no --batch-metrics-dir"));
    }
    if (!Files.isDirectory(dir)) {
      return List.of(unknown("batch jobs", "no run yet (" + dir + ")"));
    }
    List<Component> runs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".prom")).sorted().toList()) {
        runs.add(batchRun(file));
      }
    } catch (IOException e) {
      return List.of(down("batch jobs", dir + ": " + e.getMessage()));
    }
    return runs.isEmpty() ? List.of(unknown("batch jobs", "no run yet (" + dir + ")")) : runs;
  }

  private static Component batchRun(Path file) throws IOException {
    String job = file.getFileName().toString().replaceFirst("\\.prom$", "");
    Map<String, String> values = new java.util.HashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("chainstore_batch_last_run_")) {
        String name = line.substring("chainstore_batch_last_run_".length(), line.indexOf('{'));
        values.put(name, line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    try {
      boolean succeeded = "1".equals(values.get("success"));
      long end = (long) Double.parseDouble(values.get("end_timestamp_seconds"));
      return new Component(
          "batch " + job,
          succeeded ? Status.UP : Status.DOWN,
          "last run %s ago %s: %,d records in %s s"
              .formatted(
                  age(Instant.now().getEpochSecond() - end),
                  succeeded ? "completed" : "FAILED",
                  Long.parseLong(values.get("records")),
                  values.get("duration_seconds")));
    } catch (RuntimeException e) {
      return down("batch " + job, file + " is not a run's figures: " + e.getMessage());
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** {@code 42 s}, {@code 3 min 5 s}, {@code 2 h 10 min}. */
  static String age(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static Component down(String name, String detail) {
    return new Component(name, Status.DOWN, detail);
  }

  private static Component unknown(String name, String detail) {
    return new Component(name, Status.UNKNOWN, detail);
  }
}
