package io.chainstore.batch.segment;

import io.chainstore.batch.BatchOptions;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * What the segment jobs share around a run: their options, their tables, a crashed earlier run, and
 * launching them in a context of their own.
 */
final class JobRuns {

  private JobRuns() {}

  /** The segment of {@code --segment-file F} (read whole), else of {@code --segment}. */
  static Segment segment(BatchOptions options) throws IOException {
    String file = options.get("segment-file", null);
    return Segment.parse(
        file != null
            ? Files.readString(Path.of(file), StandardCharsets.UTF_8)
            : options.require("segment"));
  }

  /** The PostgreSQL of the options: the transactional database, which holds the job repository. */
  static DataSource postgres(BatchOptions options) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(options.get("postgres-url", "jdbc:postgresql://127.0.0.1:5432/chainstore"));
    dataSource.setUser(options.get("postgres-user", "postgres"));
    dataSource.setPassword(options.get("postgres-password", ""));
    return dataSource;
  }

  /**
   * Runs, or restarts, the job of {@code configuration} with {@code parameters}: {@code beans}
   * registers what the job needs besides the databases; {@code extras} are more configurations
   * (listeners, notifications).
   */
  static JobExecution launch(
      DataSource dataSource,
      ClickHouseSettings clickhouse,
      Class<?> configuration,
      String job,
      JobParameters parameters,
      boolean resumeCrashed,
      Consumer<GenericApplicationContext> beans,
      Class<?>... extras)
      throws Exception {
    createTablesIfMissing(dataSource);
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean("dataSource", DataSource.class, () -> dataSource);
      context.registerBean(ClickHouseClient.class, () -> new ClickHouseClient(clickhouse));
      beans.accept(context);
      context.register(configuration);
      if (extras.length > 0) {
        context.register(extras);
      }
      context.refresh();
      endCrashedRun(context, job, parameters, resumeCrashed);
      return context.getBean(JobLauncher.class).run(context.getBean(Job.class), parameters);
    }
  }

  /**
   * A run that is still marked as running: with {@code resumeCrashed}, marks it and its running
   * step as failed so it can be restarted; else refuses, because it may really be running.
   */
  private static void endCrashedRun(
      ApplicationContext context, String job, JobParameters parameters, boolean resumeCrashed) {
    JobRepository repository = context.getBean(JobRepository.class);
    JobExplorer explorer = context.getBean(JobExplorer.class);
    JobExecution last = repository.getLastJobExecution(job, parameters);
    if (last == null || !last.isRunning()) {
      return;
    }
    if (!resumeCrashed) {
      throw new IllegalStateException(
          "a run of "
              + job
              + " with these parameters is marked as running since "
              + last.getStartTime()
              + "; if its process is gone, run again with --resume-crashed true");
    }
    JobExecution crashed = explorer.getJobExecution(last.getId());
    LocalDateTime now = LocalDateTime.now();
    ExitStatus exit = ExitStatus.FAILED.addExitDescription("process gone; ended by a restart");
    for (StepExecution step : crashed.getStepExecutions()) {
      if (step.getStatus().isRunning()) {
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(exit);
        step.setEndTime(now);
        repository.update(step);
      }
    }
    crashed.setStatus(BatchStatus.FAILED);
    crashed.setExitStatus(exit);
    crashed.setEndTime(now);
    repository.update(crashed);
  }

  private static void createTablesIfMissing(DataSource dataSource) {
    Integer tables =
        new JdbcTemplate(dataSource)
            .queryForObject(
                "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_name = 'batch_job_instance'",
                Integer.class);
    if (tables != null && tables == 0) {
      new ResourceDatabasePopulator(
              new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"))
          .execute(dataSource);
    }
    new ResourceDatabasePopulator(
            new ClassPathResource("io/chainstore/batch/segment/segment-schema.sql"))
        .execute(dataSource);
  }
}
