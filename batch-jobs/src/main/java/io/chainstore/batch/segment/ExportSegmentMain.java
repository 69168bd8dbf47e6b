package io.chainstore.batch.segment;

import io.chainstore.batch.BatchOptions;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Runs export-segment: {@code --segment "tags: lapsing; spend >= 100"} (or {@code --segment-file
 * F}) {@code --output segment.csv}, plus where PostgreSQL and ClickHouse are (options or
 * POSTGRES_URL, CLICKHOUSE_URL, ...). The same segment and output again restarts a failed run;
 * {@code --resume-crashed} first marks a run whose process died (kill -9, a lost machine) as
 * failed, which the repository cannot tell from one still running. Exits 0 when the export
 * completed, 1 when it failed, 2 on bad options or a segment that does not parse.
 */
public final class ExportSegmentMain {

  private ExportSegmentMain() {}

  public static void main(String[] argv) throws Exception {
    BatchOptions options = new BatchOptions(argv, System.getenv());
    Segment segment;
    Path output;
    try {
      String file = options.get("segment-file", null);
      segment =
          Segment.parse(
              file != null
                  ? Files.readString(Path.of(file), StandardCharsets.UTF_8)
                  : options.require("segment"));
      output = Path.of(options.require("output")).toAbsolutePath();
    } catch (IllegalArgumentException e) {
      System.err.println(SegmentExportConfiguration.JOB_NAME + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(options.get("postgres-url", "jdbc:postgresql://127.0.0.1:5432/chainstore"));
    dataSource.setUser(options.get("postgres-user", "postgres"));
    dataSource.setPassword(options.get("postgres-password", ""));
    ClickHouseSettings clickhouse = ClickHouseSettings.fromOptions(name -> options.get(name, null));
    boolean resumeCrashed = Boolean.parseBoolean(options.get("resume-crashed", "false"));
    JobExecution execution;
    try {
      execution = run(dataSource, clickhouse, segment, output, resumeCrashed);
    } catch (JobInstanceAlreadyCompleteException | IllegalStateException e) {
      System.err.println(SegmentExportConfiguration.JOB_NAME + ": " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println(
        SegmentExportConfiguration.JOB_NAME
            + ": "
            + execution.getStatus()
            + ", "
            + execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("export"))
                .mapToLong(StepExecution::getWriteCount)
                .sum()
            + " members written to "
            + output
            + " (counts per rule in "
            + SegmentSelection.countsFileFor(output)
            + ")");
    System.exit(execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1);
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
    JobRuns.createTablesIfMissing(dataSource);
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean("dataSource", DataSource.class, () -> dataSource);
      context.registerBean(ClickHouseClient.class, () -> new ClickHouseClient(clickhouse));
      context.register(SegmentExportConfiguration.class);
      if (extras.length > 0) {
        context.register(extras);
      }
      context.refresh();
      JobParameters parameters =
          new JobParametersBuilder()
              .addString("segment", segment.text().strip())
              .addString("output", output.toString())
              .toJobParameters();
      JobRuns.endCrashedRun(
          context, SegmentExportConfiguration.JOB_NAME, parameters, resumeCrashed);
      return context
          .getBean(JobLauncher.class)
          .run(context.getBean("exportSegmentJob", Job.class), parameters);
    }
  }
}
