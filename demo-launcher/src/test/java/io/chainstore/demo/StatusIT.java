package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.chainstore.demo.StackHealth.Component;
import io.chainstore.demo.StackHealth.Status;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./chainstore status} on the running local stack: every part up, with its lag. */
class StatusIT {

  private final LocalStack stack = SharedStack.get();

  @Test
  void everyPartOfTheRunningStackIsUpWithItsLag() throws IOException {
    StackHealth.Deployment deployment = deployment();
    List<Component> components =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> StackHealth.check(deployment),
                all ->
                    all.stream()
                        .allMatch(c -> c.status() == Status.UP || c.name().equals("batch jobs")));

    assertThat(components)
        .extracting(Component::name)
        .contains(
            "oltp-service",
            "postgresql",
            "cdc",
            "kafka",
            "job store-kpis",
            "job stock-transfer-suggestions",
            "job marketing-roi",
            "job member-tags",
            "flink",
            "checkpoints",
            "clickhouse")
        .anyMatch(name -> name.startsWith("cdc slot "));
    assertThat(components)
        .filteredOn(c -> c.name().startsWith("job "))
        .allSatisfy(c -> assertThat(c.detail()).matches("[\\d,]+ change events not yet committed"));
    assertThat(components)
        .filteredOn(c -> c.name().startsWith("cdc slot "))
        .allSatisfy(c -> assertThat(c.detail()).matches("connector attached, \\d+\\.\\d MB .*"));
    assertThat(detail(components, "cdc"))
        .matches(
            "[1-9][\\d,]* change events forwarded; the newest reached Kafka [\\d.]+ s after its"
                + " commit");
    assertThat(detail(components, "flink"))
        .matches(
            "the newest record was read [\\d,]+ ms after Kafka received it \\(the most behind"
                + " source\\)");
    assertThat(detail(components, "clickhouse")).contains("ClickHouse 18.");
    assertThat(detail(components, "checkpoints")).matches("latest completed \\d+ s ago");
    assertThat(StatusCommand.run(args())).isZero();
  }

  @Test
  void theLastRunOfEachBatchJobAsItsMetricsFileSaysAndAFailedOneIsDown(@TempDir Path metrics)
      throws IOException {
    long now = Instant.now().getEpochSecond();
    Files.writeString(
        metrics.resolve("export-segment.prom"), lastRun("export-segment", 1, now - 5));
    Files.writeString(metrics.resolve("member-profiles.prom"), lastRun("member-profiles", 0, now));
    String[] args = {
      "--work-dir", stack.workDir().toString(), "--batch-metrics-dir", metrics.toString()
    };

    List<Component> components =
        StackHealth.check(StatusCommand.deployment(StackOptions.parse(args)));

    assertThat(components)
        .filteredOn(c -> c.name().startsWith("batch "))
        .extracting(Component::name, Component::status)
        .containsExactly(
            tuple("batch export-segment", Status.UP), tuple("batch member-profiles", Status.DOWN));
    assertThat(detail(components, "batch export-segment"))
        .matches("last run [5-9] s ago completed: 1,234 records in 12.345 s");
    assertThat(detail(components, "batch member-profiles")).contains("FAILED");
    assertThat(StatusCommand.run(args)).isEqualTo(1);
  }

  /** What a batch job's {@code --metrics-file} holds (BatchMetrics in batch-jobs). */
  private static String lastRun(String job, int success, long endSeconds) {
    String labels = "{batch_job=\"" + job + "\"} ";
    return "chainstore_batch_last_run_success"
        + labels
        + success
        + "\nchainstore_batch_last_run_records"
        + labels
        + "1234\nchainstore_batch_last_run_duration_seconds"
        + labels
        + "12.345\nchainstore_batch_last_run_end_timestamp_seconds"
        + labels
        + endSeconds
        + ".250\n";
  }

  @Test
  void aPartThatDoesNotAnswerIsDownAndTheCommandFails() throws IOException {
    String nowhere = "http://127.0.0.1:" + unusedPort();
    String[] args = {"--work-dir", stack.workDir().toString(), "--clickhouse-url", nowhere};

    List<Component> components =
        StackHealth.check(StatusCommand.deployment(StackOptions.parse(args)));

    assertThat(components)
        .filteredOn(c -> c.name().equals("clickhouse"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(Status.DOWN);
              assertThat(c.detail()).isEqualTo(nowhere + " does not answer");
            });
    assertThat(detail(components, "postgresql")).startsWith("PostgreSQL ");
    assertThat(StatusCommand.run(args)).isEqualTo(1);
  }

  private String[] args() {
    return new String[] {"--work-dir", stack.workDir().toString()};
  }

  private StackHealth.Deployment deployment() throws IOException {
    return StatusCommand.deployment(StackOptions.parse(args()));
  }

  private static String detail(List<Component> components, String name) {
    return components.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow()
        .detail();
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
