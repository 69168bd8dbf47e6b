package io.chainstore.batch.segment;

import io.chainstore.batch.BatchOptions;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Runs export-segment once: {@code --min-spend 100.00 --output segment.csv}, plus where PostgreSQL
 * and ClickHouse are (options or POSTGRES_URL, CLICKHOUSE_URL, ...). Exits 0 when the job
 * completed.
 */
public final class ExportSegmentMain {

  private ExportSegmentMain() {}

  public static void main(String[] argv) throws Exception {
    BatchOptions options = new BatchOptions(argv, System.getenv());
    BigDecimal minSpend = new BigDecimal(options.require("min-spend"));
    Path output = Path.of(options.require("output")).toAbsolutePath();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(options.get("postgres-url", "jdbc:postgresql://127.0.0.1:5432/chainstore"));
    dataSource.setUser(options.get("postgres-user", "postgres"));
    dataSource.setPassword(options.get("postgres-password", ""));
    ClickHouseSettings clickhouse = ClickHouseSettings.fromOptions(name -> options.get(name, null));
    JobExecution execution = run(dataSource, clickhouse, minSpend, output);
    System.out.println(
        SegmentExportConfiguration.JOB_NAME
            + ": "
            + execution.getStatus()
            + ", "
            + execution.getStepExecutions().stream().mapToLong(s -> s.getWriteCount()).sum()
            + " members written to "
            + output);
    System.exit(execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1);
  }

  /** Runs (or restarts) the job for these parameters. */
  public static JobExecution run(
      DataSource dataSource, ClickHouseSettings clickhouse, BigDecimal minSpend, Path output)
      throws Exception {
    createBatchTablesIfMissing(dataSource);
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean("dataSource", DataSource.class, () -> dataSource);
      context.registerBean(ClickHouseClient.class, () -> new ClickHouseClient(clickhouse));
      context.register(SegmentExportConfiguration.class);
      context.refresh();
      JobParameters parameters =
          new JobParametersBuilder()
              .addString("minSpend", minSpend.toPlainString())
              .addString("output", output.toString())
              .toJobParameters();
      return context
          .getBean(JobLauncher.class)
          .run(context.getBean("exportSegmentJob", Job.class), parameters);
    }
  }

  private static void createBatchTablesIfMissing(DataSource dataSource) {
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
  }
}
