package io.chainstore.batch.segment;

import io.chainstore.batch.BatchMetrics;
import io.chainstore.batch.BatchOptions;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;

/**
 * Runs export-segment: {@code --segment "tags: lapsing; spend >= 100"} (or {@code --segment-file
 * F}) {@code --output segment.csv}, plus where PostgreSQL and ClickHouse are (options or
 * POSTGRES_URL, CLICKHOUSE_URL, ...). The same segment and output again restarts a failed run;
 * {@code --resume-crashed} first marks a run whose process died (kill -9, a lost machine) as
 * failed, which the repository cannot tell from one still running; {@code --metrics-file F} writes
 * the run's figures for Prometheus ({@link BatchMetrics}). Exits 0 when the export completed, 1
 * when it failed, 2 on bad options or a segment that does not parse.
 */
public final class ExportSegmentMain {

  private ExportSegmentMain() {}

  public static void main(String[] argv) throws Exception {
    Instant start = Instant.now();
    BatchOptions options = new BatchOptions(argv, System.getenv());
    Segment segment;
    Path output;
    try {
      segment = JobRuns.segment(options);
      output = Path.of(options.require("output")).toAbsolutePath();
    } catch (IllegalArgumentException e) {
      System.err.println(SegmentExportConfiguration.JOB_NAME + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    DataSource dataSource = JobRuns.postgres(options);
    ClickHouseSettings clickhouse = ClickHouseSettings.fromOptions(name -> options.get(name, null));
    boolean resumeCrashed = Boolean.parseBoolean(options.get("resume-crashed", "false"));
    JobExecution execution;
    try {
      execution = run(dataSource, clickhouse, segment, output, resumeCrashed);
    } catch (JobInstanceAlreadyCompleteException | IllegalStateException e) {
      System.err.println(SegmentExportConfiguration.JOB_NAME + ": " + e.getMessage());
      BatchMetrics.writeIfAsked(options, ended(start, false, 0));
      System.exit(1);
      return;
    }
    long written =
        execution.getStepExecutions().stream()
            .filter(s -> s.getStepName().equals("export"))
            .mapToLong(StepExecution::getWriteCount)
            .sum();
    boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
    BatchMetrics.writeIfAsked(options, ended(start, completed, written));
    System.out.println(
        SegmentExportConfiguration.JOB_NAME
            + ": "
            + execution.getStatus()
            + ", "
            + written
            + " members written to "
            + output
            + " (counts per rule in "
            + SegmentSelection.countsFileFor(output)
            + ")");
    System.exit(completed ? 0 : 1);
  }

  private static BatchMetrics.Run ended(Instant start, boolean completed, long records) {
    return BatchMetrics.Run.endingNow(
        SegmentExportConfiguration.JOB_NAME, start, completed, records);
  }

  /**
   * Runs, or restarts, the export of {@code segment} to {@code output}; {@code extras} are more
   * Spring configurations for the job's context (listeners, notifications).
   */
  public static JobExecution run(
      DataSource dataSource,
      ClickHouseSettings clickhouse,
      Segment segment,
      Path output,
      boolean resumeCrashed,
      Class<?>... extras)
      throws Exception {
    JobParameters parameters =
        new JobParametersBuilder()
            .addString("segment", segment.text().strip())
            .addString("output", output.toString())
            .toJobParameters();
    return JobRuns.launch(
        dataSource,
        clickhouse,
        SegmentExportConfiguration.class,
        SegmentExportConfiguration.JOB_NAME,
        parameters,
        resumeCrashed,
        context -> {},
        extras);
  }
}
