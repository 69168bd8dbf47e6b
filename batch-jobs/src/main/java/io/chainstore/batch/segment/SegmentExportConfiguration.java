package io.chainstore.batch.segment;

import io.chainstore.warehouse.ClickHouseClient;
import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.file.FlatFileItemWriter;
import org.springframework.batch.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * export-segment: members whose profile has total spend ≥ {@code minSpend} → CSV with masked phone
 * numbers. The job repository lives in PostgreSQL, so a failed run restarts where it stopped and a
 * completed one is not repeated.
 */
@Configuration
@EnableBatchProcessing
public class SegmentExportConfiguration {

  public static final String JOB_NAME = "export-segment";

  @Bean
  JdbcTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  @Bean
  Job exportSegmentJob(JobRepository jobs, Step exportStep) {
    return new JobBuilder(JOB_NAME, jobs).start(exportStep).build();
  }

  @Bean
  Step exportStep(
      JobRepository jobs,
      JdbcTransactionManager tx,
      ProfileSegmentReader reader,
      ItemProcessor<SegmentMember, SegmentMember> maskPhone,
      FlatFileItemWriter<SegmentMember> writer) {
    return new StepBuilder("export", jobs)
        .<SegmentMember, SegmentMember>chunk(500, tx)
        .reader(reader)
        .processor(maskPhone)
        .writer(writer)
        .build();
  }

  @Bean
  @StepScope
  ProfileSegmentReader reader(
      ClickHouseClient clickhouse, @Value("#{jobParameters['minSpend']}") String minSpend) {
    return new ProfileSegmentReader(clickhouse, new BigDecimal(minSpend), 500);
  }

  /** Adds the member's phone from the transactional database, masked by policy. */
  @Bean
  ItemProcessor<SegmentMember, SegmentMember> maskPhone(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    return member -> {
      List<String> phones =
          jdbc.queryForList(
              "SELECT phone FROM members WHERE id = ?", String.class, member.memberId());
      // A member deleted since the profile was computed is left out of the segment.
      return phones.isEmpty() ? null : member.withPhone(Masking.phone(phones.get(0)));
    };
  }

  @Bean
  @StepScope
  FlatFileItemWriter<SegmentMember> writer(@Value("#{jobParameters['output']}") String output) {
    return new FlatFileItemWriterBuilder<SegmentMember>()
        .name("segment-csv")
        .resource(new FileSystemResource(output))
        .headerCallback(w -> w.write(CsvLine.HEADER))
        .lineAggregator(new CsvLine())
        .encoding("UTF-8")
        .build();
  }
}
