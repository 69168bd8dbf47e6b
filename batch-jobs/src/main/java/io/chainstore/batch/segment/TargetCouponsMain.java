package io.chainstore.batch.segment;

import io.chainstore.batch.BatchMetrics;
import io.chainstore.batch.BatchOptions;
import io.chainstore.batch.segment.TargetCouponsConfiguration.ServiceAccess;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;

/**
 * Runs target-coupons: {@code --segment "tags: lapsing; clv >= 100"} (or {@code --segment-file F})
 * {@code --template-id 7 --batch spring-winback}, the service ({@code --service-url}, {@code
 * --api-key} or SERVICE_URL, API_KEY: an HQ admin key) and where PostgreSQL and ClickHouse are;
 * {@code --report F} writes the members per rule; {@code --chunk-size} members per call (500). The
 * batch name makes the issue idempotent: the same segment, template and batch again restarts a
 * failed run; {@code --resume-crashed true} first ends a run whose process died. Exits 0 when every
 * selected member was offered a coupon ({@code --metrics-file F}: the run's figures for Prometheus,
 * the members selected as its records), 1 when the job failed, 2 on bad options or a segment that
 * does not parse.
 */
public final class TargetCouponsMain {

  private TargetCouponsMain() {}

  public static void main(String[] argv) throws Exception {
    Instant start = Instant.now();
    BatchOptions options = new BatchOptions(argv, System.getenv());
    Segment segment;
    long templateId;
    String batch;
    ServiceAccess service;
    String report;
    int chunkSize;
    try {
      segment = JobRuns.segment(options);
      templateId = Long.parseLong(options.require("template-id"));
      batch = options.require("batch");
      service =
          new ServiceAccess(
              options.get("service-url", "http://127.0.0.1:8080"), options.require("api-key"));
      report = options.get("report", null);
      chunkSize = Integer.parseInt(options.get("chunk-size", "500"));
      if (chunkSize < 1 || chunkSize > 10_000) {
        throw new IllegalArgumentException("--chunk-size must be 1 to 10000 (the service's limit)");
      }
    } catch (IllegalArgumentException e) {
      System.err.println(TargetCouponsConfiguration.JOB_NAME + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    DataSource dataSource = JobRuns.postgres(options);
    ClickHouseSettings clickhouse = ClickHouseSettings.fromOptions(name -> options.get(name, null));
    boolean resumeCrashed = Boolean.parseBoolean(options.get("resume-crashed", "false"));
    JobExecution execution;
    try {
      execution =
          run(
              dataSource,
              clickhouse,
              service,
              segment,
              templateId,
              batch,
              report == null ? null : Path.of(report).toAbsolutePath(),
              chunkSize,
              resumeCrashed);
    } catch (JobInstanceAlreadyCompleteException | IllegalStateException e) {
      System.err.println(TargetCouponsConfiguration.JOB_NAME + ": " + e.getMessage());
      BatchMetrics.writeIfAsked(options, ended(start, false, 0));
      System.exit(1);
      return;
    }
    var context = execution.getExecutionContext();
    boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
    BatchMetrics.writeIfAsked(options, ended(start, completed, context.getLong("selected", 0)));
    System.out.println(
        TargetCouponsConfiguration.JOB_NAME
            + ": "
            + execution.getStatus()
            + ", "
            + context.getLong("selected", 0)
            + " members selected, "
            + context.getLong("issued", 0)
            + " hold a coupon of batch "
            + batch
            + " (the others reached a limit of the template)");
    System.exit(completed ? 0 : 1);
  }

  private static BatchMetrics.Run ended(Instant start, boolean completed, long members) {
    return BatchMetrics.Run.endingNow(
        TargetCouponsConfiguration.JOB_NAME, start, completed, members);
  }

  /** Runs, or restarts, issuing template {@code templateId} to {@code segment} as {@code batch}. */
  public static JobExecution run(
      DataSource dataSource,
      ClickHouseSettings clickhouse,
      ServiceAccess service,
      Segment segment,
      long templateId,
      String batch,
      Path report,
      int chunkSize,
      boolean resumeCrashed,
      Class<?>... extras)
      throws Exception {
    JobParametersBuilder builder =
        new JobParametersBuilder()
            .addString("segment", segment.text().strip())
            .addLong("templateId", templateId)
            .addString("batch", batch)
            .addLong("chunkSize", (long) chunkSize, false);
    if (report != null) {
      builder.addString("report", report.toString(), false);
    }
    return JobRuns.launch(
        dataSource,
        clickhouse,
        TargetCouponsConfiguration.class,
        TargetCouponsConfiguration.JOB_NAME,
        builder.toJobParameters(),
        resumeCrashed,
        context -> context.registerBean(ServiceAccess.class, () -> service),
        extras);
  }
}
