package io.chainstore.batch.segment;

import io.chainstore.warehouse.ClickHouseClient;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemWriter;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * target-coupons: select a segment's members ({@link SegmentSelection}), issue a coupon template to
 * them through the service, 500 members per chunk unless {@code chunkSize} says otherwise ({@link
 * CouponIssuer}), count what was issued, then forget the selection. Killed and restarted, every
 * selected member still gets exactly one coupon of the batch: the service is idempotent per batch,
 * and the restart sends the same members.
 */
@Configuration
@Import(SegmentJobConfiguration.class)
public class TargetCouponsConfiguration {

  public static final String JOB_NAME = "target-coupons";
  static final int CHUNK = 500;

  @Bean
  Job targetCouponsJob(
      JobRepository jobs, Step selectStep, Step issueStep, Step countStep, Step forgetStep) {
    return new JobBuilder(JOB_NAME, jobs)
        .start(selectStep)
        .next(issueStep)
        .next(countStep)
        .next(forgetStep)
        .build();
  }

  @Bean
  @StepScope
  SegmentSelection selection(
      ClickHouseClient clickhouse,
      DataSource dataSource,
      @Value("#{jobParameters['segment']}") String segment,
      @Value("#{jobParameters['report']}") String report) {
    return new SegmentSelection(
        Segment.parse(segment),
        new SegmentPopulation(clickhouse),
        new JdbcTemplate(dataSource),
        report == null ? null : Path.of(report));
  }

  @Bean
  @JobScope
  Step issueStep(
      JobRepository jobs,
      JdbcTransactionManager tx,
      JdbcPagingItemReader<Long> selectedIds,
      ItemWriter<Long> issuer,
      @Value("#{jobParameters['chunkSize'] ?: " + CHUNK + "}") Long chunkSize) {
    return new StepBuilder("issue", jobs)
        .<Long, Long>chunk(chunkSize.intValue(), tx)
        .reader(selectedIds)
        .writer(issuer)
        .build();
  }

  @Bean
  @StepScope
  JdbcPagingItemReader<Long> selectedIds(
      DataSource dataSource,
      @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instance,
      @Value("#{jobParameters['chunkSize'] ?: " + CHUNK + "}") Long chunkSize) {
    return new JdbcPagingItemReaderBuilder<Long>()
        .name("selected-member-ids")
        .dataSource(dataSource)
        .selectClause("member_id")
        .fromClause("batch_segment_member")
        .whereClause("job_instance_id = " + instance)
        .sortKeys(Map.of("member_id", Order.ASCENDING))
        .rowMapper((rs, row) -> rs.getLong("member_id"))
        .pageSize(chunkSize.intValue())
        .build();
  }

  /** Where the service is and the HQ admin key to call it with (not a job parameter: secret). */
  public record ServiceAccess(String url, String apiKey) {}

  @Bean
  @StepScope
  ItemWriter<Long> issuer(
      ServiceAccess service,
      @Value("#{jobParameters['templateId']}") Long templateId,
      @Value("#{jobParameters['batch']}") String batch) {
    return new CouponIssuer(service.url(), service.apiKey(), templateId, batch);
  }

  /** Counts the selected members who hold a coupon of the batch (the rest hit a limit). */
  @Bean
  Step countStep(JobRepository jobs, JdbcTransactionManager tx, DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    return new StepBuilder("count", jobs)
        .tasklet(
            (contribution, chunk) -> {
              var step = chunk.getStepContext().getStepExecution();
              var params = step.getJobParameters();
              long instance = SegmentSelection.instanceOf(chunk);
              Long selected =
                  jdbc.queryForObject(
                      "SELECT count(*) FROM batch_segment_member WHERE job_instance_id = ?",
                      Long.class,
                      instance);
              Long issued =
                  jdbc.queryForObject(
                      "SELECT count(*) FROM batch_segment_member s JOIN coupons c"
                          + " ON c.member_id = s.member_id AND c.template_id = ? AND c.batch = ?"
                          + " WHERE s.job_instance_id = ?",
                      Long.class,
                      params.getLong("templateId"),
                      params.getString("batch"),
                      instance);
              step.getJobExecution().getExecutionContext().putLong("selected", selected);
              step.getJobExecution().getExecutionContext().putLong("issued", issued);
              return RepeatStatus.FINISHED;
            },
            tx)
        .build();
  }
}
