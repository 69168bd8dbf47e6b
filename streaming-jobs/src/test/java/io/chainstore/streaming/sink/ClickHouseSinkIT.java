package io.chainstore.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chainstore.local.LocalClickHouse;
import io.chainstore.streaming.StreamingJob;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink through a ClickHouse outage: the server is killed (-9) before the job writes and started
 * again once the sink has retried a few times; the job, which may not restart, waits and writes
 * every row.
 */
class ClickHouseSinkIT {

  private static final int ROWS = 5_000;

  @TempDir Path dir;

  @Test
  void waitsOutAClickHouseOutageAndWritesEveryRowOnce() throws Exception {
    try (LocalClickHouse server = LocalClickHouse.start(dir.resolve("clickhouse"))) {
      ClickHouseClient admin = new ClickHouseClient(ClickHouseSettings.of(server.url(), "default"));
      admin.execute("CREATE DATABASE sink_it");
      admin.execute(
          "CREATE TABLE sink_it.probe (id UInt64, value String, version UInt64,"
              + " updated_at DateTime) ENGINE = ReplacingMergeTree(version) ORDER BY id");
      server.kill();

      Configuration conf = new Configuration();
      conf.set(CoreOptions.TMP_DIRS, dir.resolve("flink-tmp").toString());
      // A failure would end the job: only the sink's own retries can carry it through.
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
      int metricsPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        metricsPort = socket.getLocalPort();
      }
      StreamingJob.prometheusReporter(conf, String.valueOf(metricsPort));
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(1);
      env.fromSequence(1, ROWS)
          .sinkTo(
              new ClickHouseSink<>(
                  ClickHouseSettings.of(server.url(), "sink_it"),
                  new ProbeFormat(),
                  100,
                  new Backoff(50, 1_000)));
      JobClient job = env.executeAsync("sink outage");

      // A few failed writes and retries while the server is down, as the sink counts them.
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(() -> retries(metricsPort) >= 3);
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
      server.restart();

      // Throws if the job failed; its local cluster shuts down once it has finished.
      job.getJobExecutionResult().get(2, TimeUnit.MINUTES);
      ClickHouseClient reader =
          new ClickHouseClient(ClickHouseSettings.of(server.url(), "sink_it"));
      assertThat(reader.queryValue("SELECT count() FROM probe FINAL")).isEqualTo("" + ROWS);
      assertThat(reader.queryValue("SELECT sum(id) FROM probe FINAL"))
          .isEqualTo("" + (long) ROWS * (ROWS + 1) / 2);
    }
  }

  /** The sink's writeRetries, from Flink's Prometheus reporter. */
  private static double retries(int metricsPort) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body()
        .lines()
        .filter(l -> l.startsWith("flink_taskmanager_job_task_operator_writeRetries{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Rows of the probe table: the number as id, value and version. */
  private static final class ProbeFormat implements RowFormat<Long> {
    @Override
    public String table(Long row) {
      return "probe";
    }

    @Override
    public List<String> columns(String table) {
      return List.of("id", "value", "version", "updated_at");
    }

    @Override
    public String id(Long row) {
      return row.toString();
    }

    @Override
    public List<Object> values(Long row, String writtenAt) {
      return List.of(row, "row " + row, row, writtenAt);
    }
  }
}
