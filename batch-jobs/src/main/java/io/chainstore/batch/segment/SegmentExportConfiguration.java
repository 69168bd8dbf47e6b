package io.chainstore.batch.segment;

import io.chainstore.warehouse.ClickHouseClient;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.item.file.FlatFileItemWriter;
import org.springframework.batch.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * export-segment: select the segment's members ({@link SegmentSelection}), export them in member
 * order with personal data masked, a chunk per transaction, then forget the selection. The job
 * repository lives in PostgreSQL: a failed or killed run restarts after the last committed chunk
 * (the file is cut back to it), so each member is in the file exactly once; a completed export is
 * not repeated.
 */
@Configuration
@Import(SegmentJobConfiguration.class)
public class SegmentExportConfiguration {

  public static final String JOB_NAME = "export-segment";
  static final int CHUNK = 500;

  @Bean
  Job exportSegmentJob(JobRepository jobs, Step selectStep, Step exportStep, Step forgetStep) {
    return new JobBuilder(JOB_NAME, jobs)
        .start(selectStep)
        .next(exportStep)
        .next(forgetStep)
        .build();
  }

  @Bean
  @StepScope
  SegmentSelection selection(
      ClickHouseClient clickhouse,
      DataSource dataSource,
      @Value("#{jobParameters['segment']}") String segment,
      @Value("#{jobParameters['output']}") String output) {
    return new SegmentSelection(
        Segment.parse(segment),
        new SegmentPopulation(clickhouse),
        new JdbcTemplate(dataSource),
        SegmentSelection.countsFileFor(Path.of(output)));
  }

  @Bean
  Step exportStep(
      JobRepository jobs,
      JdbcTransactionManager tx,
      JdbcPagingItemReader<SegmentMember> selected,
      ItemProcessor<SegmentMember, SegmentMember> maskPersonalData,
      FlatFileItemWriter<SegmentMember> writer) {
    return new StepBuilder("export", jobs)
        .<SegmentMember, SegmentMember>chunk(CHUNK, tx)
        .reader(selected)
        .processor(maskPersonalData)
        .writer(writer)
        .build();
  }

  /** The selection with each member's contact data; a member deleted since is left out. */
  @Bean
  @StepScope
  JdbcPagingItemReader<SegmentMember> selected(
      DataSource dataSource,
      @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instance) {
    return new JdbcPagingItemReaderBuilder<SegmentMember>()
        .name("selected-members")
        .dataSource(dataSource)
        .selectClause(
            "member_id, name, phone, email, total_spend, order_count, last_order_date, rfm, tags")
        .fromClause(
            "(SELECT s.member_id, m.name, m.phone, m.email, s.total_spend, s.order_count,"
                + " s.last_order_date, s.rfm, s.tags FROM batch_segment_member s"
                + " JOIN members m ON m.id = s.member_id WHERE s.job_instance_id = "
                + instance
                + ") AS selected")
        .sortKeys(Map.of("member_id", Order.ASCENDING))
        .rowMapper(
            (rs, row) ->
                new SegmentMember(
                    rs.getLong("member_id"),
                    rs.getString("name"),
                    rs.getString("phone"),
                    rs.getString("email"),
                    rs.getBigDecimal("total_spend"),
                    rs.getLong("order_count"),
                    rs.getString("last_order_date"),
                    rs.getString("rfm"),
                    rs.getString("tags")))
        .pageSize(CHUNK)
        .build();
  }

  @Bean
  ItemProcessor<SegmentMember, SegmentMember> maskPersonalData() {
    return SegmentMember::masked;
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
