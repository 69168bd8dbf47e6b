package io.chainstore.batch.segment;

import javax.sql.DataSource;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * What every segment job is built on: the repository in PostgreSQL, the first step that selects the
 * segment's members (each job says where the counts per rule go with its own {@link
 * SegmentSelection} bean) and the last that forgets them.
 */
@Configuration
@EnableBatchProcessing
class SegmentJobConfiguration {

  @Bean
  JdbcTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  @Bean
  Step selectStep(JobRepository jobs, JdbcTransactionManager tx, SegmentSelection selection) {
    return new StepBuilder("select", jobs).tasklet(selection, tx).build();
  }

  @Bean
  Step forgetStep(JobRepository jobs, JdbcTransactionManager tx, DataSource dataSource) {
    return SegmentSelection.forgetStep(jobs, tx, dataSource);
  }
}
