package io.chainstore.batch.segment;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The first step of export-segment: selects the segment's members in ClickHouse and keeps them in
 * PostgreSQL for the export step, all in the step's transaction (a failed attempt leaves nothing
 * and the restart selects again); writes how many members each rule selects on its own and the
 * whole segment to a counts file when there is one.
 */
class SegmentSelection implements Tasklet {

  static final int PAGE = 50_000;

  private final Segment segment;
  private final SegmentPopulation population;
  private final JdbcTemplate postgres;
  private final Path countsFile;

  SegmentSelection(
      Segment segment, SegmentPopulation population, JdbcTemplate postgres, Path countsFile) {
    this.segment = segment;
    this.population = population;
    this.postgres = postgres;
    this.countsFile = countsFile;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk)
      throws IOException {
    long instance = instanceOf(chunk);
    postgres.update("DELETE FROM batch_segment_member WHERE job_instance_id = ?", instance);
    String condition = segment.sql();
    long selected = 0;
    long after = 0;
    while (true) {
      List<Map<String, String>> page = population.page(condition, after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      List<Object[]> rows = new ArrayList<>(page.size());
      for (Map<String, String> m : page) {
        String lastOrder = m.get("last_order_date");
        rows.add(
            new Object[] {
              instance,
              Long.parseLong(m.get("member_id")),
              new BigDecimal(m.get("total_spend")),
              Long.parseLong(m.get("order_count")),
              lastOrder == null ? null : Date.valueOf(lastOrder),
              m.get("r_score") + "-" + m.get("f_score") + "-" + m.get("m_score"),
              m.get("tag_list")
            });
      }
      postgres.batchUpdate(
          "INSERT INTO batch_segment_member (job_instance_id, member_id, total_spend, order_count,"
              + " last_order_date, rfm, tags) VALUES (?, ?, ?, ?, ?, ?, ?)",
          rows);
      selected += rows.size();
      contribution.incrementWriteCount(rows.size());
      after = Long.parseLong(page.get(page.size() - 1).get("member_id"));
    }
    if (countsFile != null) {
      writeCounts(selected);
    }
    return RepeatStatus.FINISHED;
  }

  private void writeCounts(long selected) throws IOException {
    try (Writer out = Files.newBufferedWriter(countsFile, StandardCharsets.UTF_8)) {
      out.write("rule,members\n");
      for (SegmentRule rule : segment.rules()) {
        out.write(CsvLine.quote(rule.text()) + "," + population.count(rule.sql()) + "\n");
      }
      out.write(CsvLine.quote("all rules: " + segment.text().strip()) + "," + selected + "\n");
    }
  }

  /** Where the counts go: beside the export, {@code segment.csv} → {@code segment.rules.csv}. */
  static Path countsFileFor(Path output) {
    String name = output.getFileName().toString();
    String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return output.resolveSibling(base + ".rules.csv");
  }

  /** The last step of a segment job: the selection is only needed until the job completed. */
  static Step forgetStep(JobRepository jobs, PlatformTransactionManager tx, DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    return new StepBuilder("forget-selection", jobs)
        .tasklet(
            (contribution, chunk) -> {
              jdbc.update(
                  "DELETE FROM batch_segment_member WHERE job_instance_id = ?", instanceOf(chunk));
              return RepeatStatus.FINISHED;
            },
            tx)
        .build();
  }

  /** The job instance a step runs for: the key of its selection in {@code batch_segment_member}. */
  static long instanceOf(ChunkContext chunk) {
    return chunk
        .getStepContext()
        .getStepExecution()
        .getJobExecution()
        .getJobInstance()
        .getInstanceId();
  }
}
