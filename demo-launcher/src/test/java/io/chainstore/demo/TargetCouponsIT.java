package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * target-coupons on the running platform: a segment from the live tags, a template with a total
 * limit, the job killed right after the service issued a chunk it had not committed, then resumed:
 * every selected member holds at most one coupon of the batch, the limit holds, and marketing-roi
 * counts the coupons issued.
 */
class TargetCouponsIT {

  private static final String SEGMENT = "tags: new";
  private static final int TOTAL_LIMIT = 150;

  @Test
  void killedAfterTheServiceIssuedAChunkAndResumedEveryMemberGetsOneCoupon() throws Exception {
    LocalStack stack = SharedStack.get();
    DemoSeed.Chain chain = SharedStack.chain();
    ApiClient admin = stack.adminApi();
    Instant now = Instant.now();
    long templateId =
        Campaigns.create(
            admin,
            "TARGET-IT",
            "Welcome",
            new Campaigns.Offer("TARGET-IT-5OFF", "5.00 off", "5.00", "20.00", TOTAL_LIMIT),
            now.minusSeconds(3600),
            now.plusSeconds(7 * 86_400),
            "target-it");
    // The tag job has seen the chain's members (all joined today: new).
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                Long.parseLong(
                        stack
                            .clickhouse()
                            .queryValue(
                                "SELECT uniqExact(member_id) FROM member_tag FINAL"
                                    + " WHERE tag = 'new' AND active = 1"))
                    >= chain.members().size());

    Modules modules = Modules.fromSystemProperty();
    String classpath =
        modules.classpath("batch-jobs")
            + File.pathSeparator
            + modules.home().resolve("batch-jobs/target/test-classes");
    List<String> command =
        new ArrayList<>(
            List.of(
                Modules.java(),
                "-Dhalt.after=3",
                "-cp",
                classpath,
                "io.chainstore.batch.segment.HaltingTargetCoupons",
                stack.postgres().jdbcUrl(),
                stack.postgres().user(),
                stack.clickhouse().settings().url(),
                LocalStack.CLICKHOUSE_DATABASE,
                stack.apiUrl(),
                stack.adminApiKey(),
                SEGMENT,
                Long.toString(templateId),
                "welcome-it",
                "25"));
    Process killed =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(stack.workDir().resolve("logs/target-coupons-killed.log").toFile())
            .start();
    assertThat(killed.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(killed.exitValue()).isEqualTo(137);
    // The service issued three chunks; the job had committed two.
    assertThat(couponsOfBatch(stack, templateId)).isEqualTo(75);

    Path metricsFile = stack.workDir().resolve("metrics-it/target-coupons.prom");
    Process resumed =
        new ProcessBuilder(
                Modules.java(),
                "-cp",
                modules.classpath("batch-jobs"),
                "io.chainstore.batch.segment.TargetCouponsMain",
                "--segment",
                SEGMENT,
                "--template-id",
                Long.toString(templateId),
                "--batch",
                "welcome-it",
                "--chunk-size",
                "25",
                "--resume-crashed",
                "true",
                "--service-url",
                stack.apiUrl(),
                "--api-key",
                stack.adminApiKey(),
                "--postgres-url",
                stack.postgres().jdbcUrl(),
                "--postgres-user",
                stack.postgres().user(),
                "--clickhouse-url",
                stack.clickhouse().settings().url(),
                "--clickhouse-database",
                LocalStack.CLICKHOUSE_DATABASE,
                "--metrics-file",
                metricsFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(stack.workDir().resolve("logs/target-coupons.log").toFile())
            .start();
    assertThat(resumed.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(resumed.exitValue()).isZero();

    // The run's figures for Prometheus: completed, with the members it selected.
    String metrics = Files.readString(metricsFile);
    assertThat(metrics)
        .contains("chainstore_batch_last_run_success{batch_job=\"target-coupons\"} 1\n");
    java.util.regex.Matcher records =
        java.util.regex.Pattern.compile(
                "chainstore_batch_last_run_records\\{batch_job=\"target-coupons\"} (\\d+)\n")
            .matcher(metrics);
    assertThat(records.find()).as(metrics).isTrue();
    assertThat(Long.parseLong(records.group(1))).isGreaterThanOrEqualTo(TOTAL_LIMIT);

    // Exactly the template's limit was issued, never twice to a member.
    assertThat(couponsOfBatch(stack, templateId)).isEqualTo(TOTAL_LIMIT);
    assertThat(
            query(
                stack,
                "SELECT count(*) FROM (SELECT member_id FROM coupons WHERE template_id = "
                    + templateId
                    + " GROUP BY member_id HAVING count(*) > 1) AS twice"))
        .isZero();
    // marketing-roi counts them from the change stream.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                stack
                    .clickhouse()
                    .queryValue(
                        "SELECT toString(sum(issued)) FROM coupon_roi FINAL WHERE template_id = "
                            + templateId),
            issued -> issued.equals(Integer.toString(TOTAL_LIMIT)));
  }

  private static long couponsOfBatch(LocalStack stack, long templateId) throws Exception {
    return query(
        stack,
        "SELECT count(*) FROM coupons WHERE template_id = "
            + templateId
            + " AND batch = 'welcome-it'");
  }

  private static long query(LocalStack stack, String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(stack.postgres().jdbcUrl(), stack.postgres().user(), "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
