package io.chainstore.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchMetricsTest {

  @TempDir Path dir;

  private final BatchMetrics.Run run =
      new BatchMetrics.Run(
          "export-segment",
          true,
          1234,
          Duration.ofMillis(12_345),
          Instant.parse("2026-11-28T02:00:07.5Z"));

  @Test
  void writesTheLastRunAsGaugesOfItsJob() {
    assertThat(BatchMetrics.prometheusText(run))
        .contains("chainstore_batch_last_run_success{batch_job=\"export-segment\"} 1\n")
        .contains("chainstore_batch_last_run_records{batch_job=\"export-segment\"} 1234\n")
        .contains(
            "chainstore_batch_last_run_duration_seconds{batch_job=\"export-segment\"} 12.345\n")
        .contains(
            "chainstore_batch_last_run_end_timestamp_seconds{batch_job=\"export-segment\"}"
                + " 1795831207.500\n")
        .contains("# TYPE chainstore_batch_last_run_records gauge\n");
  }

  @Test
  void aLaterRunReplacesTheFileWholeAndOnlyWhenAsked() throws Exception {
    Path file = dir.resolve("textfile/export-segment.prom");
    BatchMetrics.writeIfAsked(new BatchOptions(new String[0], Map.of()), run);
    assertThat(file).doesNotExist();

    BatchOptions options =
        new BatchOptions(new String[] {"--metrics-file", file.toString()}, Map.of());
    BatchMetrics.writeIfAsked(options, run);
    BatchMetrics.writeIfAsked(
        options,
        new BatchMetrics.Run("export-segment", false, 0, Duration.ofSeconds(3), Instant.now()));

    assertThat(Files.readString(file))
        .contains("chainstore_batch_last_run_success{batch_job=\"export-segment\"} 0\n")
        .doesNotContain("1234");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }
}
