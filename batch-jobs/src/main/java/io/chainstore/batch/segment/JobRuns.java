package io.chainstore.batch.segment;

import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** What every segment job does before it runs: its tables, and a crashed earlier run. */
final class JobRuns {

  private JobRuns() {}

  /**
   * A run that is still marked as running: with {@code resumeCrashed}, marks it and its running
   * step as failed so it can be restarted; else refuses, because it may really be running.
   */
  static void endCrashedRun(
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

  static void createTablesIfMissing(DataSource dataSource) {
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
