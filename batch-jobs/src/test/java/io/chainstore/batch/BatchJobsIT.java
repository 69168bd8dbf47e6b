package io.chainstore.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.batch.profiles.MemberPreferences;
import io.chainstore.batch.profiles.MemberProfiles;
import io.chainstore.batch.profiles.MemberProfilesJob;
import io.chainstore.batch.propensity.CouponPropensity;
import io.chainstore.batch.segment.ExportSegmentMain;
import io.chainstore.batch.segment.Segment;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.SharedClickHouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Spark (local mode) and Spring Batch on real PostgreSQL and ClickHouse. */
class BatchJobsIT {

  /** Each test's models and CSV files, deleted after it. */
  @TempDir Path tmp;

  private static EmbeddedPostgres postgres;
  private static ClickHouseClient clickhouse;
  private static JdbcTemplate jdbc;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    postgres = OltpDatabase.start();
    jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    jdbc.execute("INSERT INTO locations (id, code, name, kind) VALUES (1, 'S1', 'Store', 'store')");
    jdbc.execute(
        "INSERT INTO members (id, name, phone) VALUES"
            + " (1, 'Big Spender', '+4915112345678'), (2, 'Small, Spender', '+4915187654321'),"
            + " (3, 'Newcomer', '+4917000000000')");
    // Member 1: two paid orders (one on an earlier day) and one cancelled; member 2: one paid.
    order(1, 1L, "paid", "80.25", "2026-11-25 10:00:00+00");
    order(2, 1L, "paid", "40.00", "2026-11-26 23:59:59+00");
    order(3, 1L, "cancelled", "999.00", "2026-11-26 12:00:00+00");
    order(4, 2L, "paid", "19.99", "2026-11-26 09:00:00+00");
    order(5, null, "paid", "5.00", "2026-11-26 09:00:00+00");
    clickhouse = SharedClickHouse.migratedDatabase();
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("it")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
  }

  @AfterAll
  static void stop() throws Exception {
    spark.close();
    postgres.close();
  }

  private static void order(long id, Long member, String status, String total, String paidAt) {
    jdbc.update(
        "INSERT INTO orders (id, store_id, channel, member_id, status, total_amount, total_units,"
            + " paid_at) VALUES (?, 1, 'pos', ?, ?, ?, 1, ?::timestamptz)",
        id,
        member,
        status,
        new BigDecimal(total),
        paidAt);
  }

  @Test
  void rfmScoresSplitTheBuyersIntoQuintilesAndTiesShareAScore() {
    // Members 1..100 bought once for i.00, i days before the run; member 101 never bought.
    List<Row> memberRows = new ArrayList<>();
    List<Row> orderRows = new ArrayList<>();
    LocalDate asOf = LocalDate.parse("2026-11-28");
    for (long i = 1; i <= 101; i++) {
      memberRows.add(RowFactory.create(i));
      if (i <= 100) {
        orderRows.add(
            RowFactory.create(
                i, new BigDecimal(i + ".00"), Timestamp.valueOf(asOf.minusDays(i).atTime(12, 0))));
      }
    }
    Dataset<Row> members =
        spark.createDataFrame(memberRows, new StructType().add("id", DataTypes.LongType));
    Dataset<Row> orders =
        spark.createDataFrame(
            orderRows,
            new StructType()
                .add("member_id", DataTypes.LongType)
                .add("total_amount", DataTypes.createDecimalType(18, 2))
                .add("paid_at", DataTypes.TimestampType));
    List<Row> profiles =
        MemberProfiles.compute(members, orders, asOf.atStartOfDay().toInstant(ZoneOffset.UTC))
            .rows()
            .orderBy("member_id")
            .collectAsList();
    assertThat(profiles).hasSize(101);
    for (Row p : profiles.subList(0, 100)) {
      long i = p.getLong(0);
      int quintile = (int) ((i - 1) / 20) + 1; // 1..20 → 1, 81..100 → 5
      assertThat(p.getInt(4)).as("recency days of %d", i).isEqualTo((int) i);
      assertThat(p.getInt(5)).as("r of %d", i).isEqualTo(6 - quintile);
      assertThat(p.getInt(6)).as("f of %d", i).isEqualTo(1); // all bought once: one tie
      assertThat(p.getInt(7)).as("m of %d", i).isEqualTo(quintile);
    }
    Row never = profiles.get(100);
    assertThat(never.isNullAt(4)).isTrue();
    assertThat(List.of(never.getInt(5), never.getInt(6), never.getInt(7))).containsExactly(0, 0, 0);
  }

  @Test
  void lifetimeValueIsFittedOnTheDataAndFavoursTheMemberWhoStillBuys() {
    // Twins 2j-1 and 2j: the same number of orders, spacing and amounts; 2j-1 bought last a week
    // ago, 2j thirty weeks ago. Members 301..310 never bought.
    Instant runAt = Instant.parse("2026-11-28T02:00:00Z");
    List<Row> memberRows = new ArrayList<>();
    List<Row> orderRows = new ArrayList<>();
    for (long i = 1; i <= 310; i++) {
      memberRows.add(RowFactory.create(i));
      if (i > 300) {
        continue;
      }
      long j = (i + 1) / 2;
      long orders = 2 + j % 8;
      long spacingWeeks = 1 + j % 4;
      long lastWeeksAgo = i % 2 == 1 ? 1 : 30;
      for (long k = 0; k < orders; k++) {
        Instant paid = runAt.minus(Duration.ofDays(7 * (lastWeeksAgo + k * spacingWeeks)));
        orderRows.add(
            RowFactory.create(
                i, new BigDecimal((20 + (j % 5) * 10) + ".00"), Timestamp.from(paid)));
      }
    }
    MemberProfiles.Profiles computed =
        MemberProfiles.compute(
            spark.createDataFrame(memberRows, new StructType().add("id", DataTypes.LongType)),
            spark.createDataFrame(
                orderRows,
                new StructType()
                    .add("member_id", DataTypes.LongType)
                    .add("total_amount", DataTypes.createDecimalType(18, 2))
                    .add("paid_at", DataTypes.TimestampType)),
            runAt);
    assertThat(computed.lifetime()).isPresent();
    assertThat(computed.lifetime().get().histories()).isEqualTo(300);
    assertThat(computed.lifetime().get().json()).contains("\"bgnbd\":{\"r\":");
    List<Row> rows = computed.rows().orderBy("member_id").collectAsList();
    for (int j = 1; j <= 150; j++) {
      BigDecimal recent = rows.get(2 * j - 2).getDecimal(8);
      BigDecimal lapsed = rows.get(2 * j - 1).getDecimal(8);
      assertThat(recent).as("clv of %d", 2 * j - 1).isPositive().isGreaterThan(lapsed);
      assertThat(lapsed).as("clv of %d", 2 * j).isNotNegative();
    }
    assertThat(rows.subList(300, 310)).allSatisfy(r -> assertThat(r.isNullAt(8)).isTrue());
  }

  @Test
  void preferencesAreWhereAndWhatAMemberSpentMost() {
    StructType orderType =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("member_id", DataTypes.LongType)
            .add("store_id", DataTypes.LongType)
            .add("channel", DataTypes.StringType)
            .add("net_amount", DataTypes.createDecimalType(18, 2))
            .add("subtotal", DataTypes.createDecimalType(18, 2))
            .add("discount", DataTypes.createDecimalType(18, 2));
    Dataset<Row> orders =
        spark.createDataFrame(
            List.of(
                order(1, 7, 3, "pos", "30.00", "40.00", "10.00"),
                order(2, 7, 2, "online", "50.00", "50.00", "0.00"),
                order(3, 7, 3, "pickup", "25.00", "30.00", "5.00"),
                order(4, 8, 5, "pos", "10.00", "10.00", "0.00"),
                order(5, 8, 4, "pos", "10.00", "10.00", "0.00")),
            orderType);
    Dataset<Row> lines =
        spark.createDataFrame(
            List.of(
                RowFactory.create(1L, "toys", new BigDecimal("30.00")),
                RowFactory.create(2L, "books", new BigDecimal("20.00")),
                RowFactory.create(2L, "garden", new BigDecimal("30.00")),
                RowFactory.create(3L, "books", new BigDecimal("25.00")),
                RowFactory.create(4L, "toys", new BigDecimal("10.00")),
                RowFactory.create(5L, "books", new BigDecimal("10.00"))),
            new StructType()
                .add("order_id", DataTypes.LongType)
                .add("category", DataTypes.StringType)
                .add("net_amount", DataTypes.createDecimalType(18, 2)));
    List<Row> rows = MemberPreferences.compute(orders, lines).orderBy("member_id").collectAsList();
    Row member7 = rows.get(0);
    // Store 3: 55.00 against 50.00 online; books 45.00 against garden 30.00 and toys 30.00.
    assertThat(member7.<Long>getAs("preferred_store_id")).isEqualTo(3L);
    assertThat(member7.<String>getAs("preferred_category")).isEqualTo("books");
    assertThat(member7.<BigDecimal>getAs("online_share")).isEqualByComparingTo("0.4762"); // 50/105
    assertThat(member7.<BigDecimal>getAs("pos_share")).isEqualByComparingTo("0.2857");
    assertThat(member7.<BigDecimal>getAs("pickup_share")).isEqualByComparingTo("0.2381");
    assertThat(member7.<BigDecimal>getAs("discount_share"))
        .isEqualByComparingTo("0.1250"); // 15/120
    Row member8 = rows.get(1);
    // Ties: the lower store id, the first category by name.
    assertThat(member8.<Long>getAs("preferred_store_id")).isEqualTo(4L);
    assertThat(member8.<String>getAs("preferred_category")).isEqualTo("books");
    assertThat(member8.<BigDecimal>getAs("pos_share")).isEqualByComparingTo("1");
  }

  private static Row order(
      long id, long member, long store, String channel, String net, String gross, String off) {
    return RowFactory.create(
        id,
        member,
        store,
        channel,
        new BigDecimal(net),
        new BigDecimal(gross),
        new BigDecimal(off));
  }

  @Test
  void couponPropensityIsLearnedFromPastCouponsAndScoredWithItsAuc() throws Exception {
    // 600 members; those who take discounts (discount_share >= 0.10) redeemed 90 % of their
    // coupons, the others 10 %. The best any score can do here is an AUC of about 0.88 (the step
    // itself); a straight line in the features gets about 0.80, chance 0.5.
    Random random = new Random(5);
    List<Row> profileRows = new ArrayList<>();
    List<Row> couponRows = new ArrayList<>();
    for (long id = 1; id <= 600; id++) {
      BigDecimal share = BigDecimal.valueOf(random.nextInt(30), 2);
      profileRows.add(
          RowFactory.create(
              id,
              random.nextInt(200),
              1L + random.nextInt(10),
              BigDecimal.valueOf(1000 + random.nextInt(50_000), 2),
              BigDecimal.valueOf(random.nextInt(100), 2),
              BigDecimal.valueOf(random.nextInt(100), 2),
              share));
      boolean taker = share.compareTo(new BigDecimal("0.10")) >= 0;
      couponRows.add(RowFactory.create(id, random.nextDouble() < (taker ? 0.9 : 0.1)));
    }
    Dataset<Row> profiles =
        spark.createDataFrame(
            profileRows,
            new StructType()
                .add("member_id", DataTypes.LongType)
                .add("recency_days", DataTypes.IntegerType)
                .add("order_count", DataTypes.LongType)
                .add("total_spend", DataTypes.createDecimalType(18, 2))
                .add("online_share", DataTypes.createDecimalType(9, 4))
                .add("pos_share", DataTypes.createDecimalType(9, 4))
                .add("discount_share", DataTypes.createDecimalType(9, 4)));
    Dataset<Row> coupons =
        spark.createDataFrame(
            couponRows,
            new StructType()
                .add("member_id", DataTypes.LongType)
                .add("redeemed", DataTypes.BooleanType));
    CouponPropensity.Trained trained = CouponPropensity.train(coupons, profiles).orElseThrow();
    assertThat(trained.auc()).isGreaterThan(0.75);
    assertThat(trained.trainRows() + trained.testRows()).isEqualTo(600);
    assertThat(trained.json()).contains("\"auc\":0.").contains("discount_share");
    Path saved = CouponPropensity.save(trained, Files.createDirectories(tmp.resolve("models")), 42);
    assertThat(PipelineModel.load(saved.toString()).stages()).hasSize(3);

    List<Row> scored =
        CouponPropensity.score(trained, profiles).orderBy("member_id").collectAsList();
    double takers = 0;
    double others = 0;
    for (Row r : scored) {
      double p = r.<BigDecimal>getAs("coupon_propensity").doubleValue();
      assertThat(p).isBetween(0.0, 1.0);
      if (r.<BigDecimal>getAs("discount_share").doubleValue() >= 0.10) {
        takers += p;
      } else {
        others += p;
      }
    }
    assertThat(takers).isGreaterThan(others);
    assertThat(scored.get(0).schema().fieldNames()).contains("member_id", "coupon_propensity");
  }

  @Test
  void profilesThenSegmentExport() throws Exception {
    MemberProfilesJob.Settings settings =
        new MemberProfilesJob.Settings(
            postgres.getJdbcUrl("postgres", "postgres"),
            "postgres",
            "",
            clickhouse.settings(),
            Files.createDirectories(tmp.resolve("models")));
    assertThat(MemberProfilesJob.run(spark, settings, Instant.parse("2026-11-27T02:00:00Z")))
        .isEqualTo(3);
    // A second run replaces rather than adds.
    MemberProfilesJob.run(spark, settings, Instant.parse("2026-11-28T02:00:00Z"));
    // Two buyers are too few to fit lifetime values: none, and the runs say so.
    assertThat(clickhouse.queryValue("SELECT countIf(isNotNull(clv)) FROM member_profile FINAL"))
        .isEqualTo("0");
    assertThat(clickhouse.query("SELECT members, models FROM member_profile_run ORDER BY version"))
        .hasSize(2) // nor coupons to learn from
        .allSatisfy(
            run ->
                assertThat(run)
                    .containsEntry("members", "3")
                    .containsEntry("models", "{\"lifetime_value\":{},\"coupon_propensity\":{}}"));
    assertThat(
            clickhouse.query(
                "SELECT preferred_store_id, preferred_category, online_share, pos_share,"
                    + " pickup_share, discount_share FROM member_profile FINAL WHERE member_id = 1"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("preferred_store_id", "1")
                    .containsEntry("preferred_category", null) // its orders have no lines
                    .containsEntry("online_share", "0.0000")
                    .containsEntry("pos_share", "1.0000")
                    .containsEntry("discount_share", "0.0000"));
    List<Map<String, String>> rfm =
        clickhouse.query(
            "SELECT recency_days, r_score, f_score, m_score"
                + " FROM member_profile FINAL ORDER BY member_id");
    // Both bought last on 11-26, two days before the run; member 1 more often and for more.
    assertThat(rfm).extracting(r -> r.get("recency_days")).containsExactly("2", "2", null);
    assertThat(rfm.get(0).get("r_score")).isEqualTo(rfm.get(1).get("r_score"));
    assertThat(Integer.parseInt(rfm.get(0).get("f_score")))
        .isGreaterThan(Integer.parseInt(rfm.get(1).get("f_score")));
    assertThat(Integer.parseInt(rfm.get(0).get("m_score")))
        .isGreaterThan(Integer.parseInt(rfm.get(1).get("m_score")));
    assertThat(rfm.get(2)).containsEntry("r_score", "0").containsEntry("f_score", "0");
    List<Map<String, String>> profiles =
        clickhouse.query(
            "SELECT member_id, order_count, total_spend, last_order_date"
                + " FROM member_profile FINAL ORDER BY member_id");
    assertThat(profiles)
        .containsExactly(
            Map.of(
                "member_id",
                "1",
                "order_count",
                "2",
                "total_spend",
                "120.25",
                "last_order_date",
                "2026-11-26"),
            Map.of(
                "member_id",
                "2",
                "order_count",
                "1",
                "total_spend",
                "19.99",
                "last_order_date",
                "2026-11-26"),
            java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>() {
                  {
                    put("member_id", "3");
                    put("order_count", "0");
                    put("total_spend", "0.00");
                    put("last_order_date", null);
                  }
                }));

    Map<String, String> rfm1 = rfm.get(0);
    Map<String, String> rfm2 = rfm.get(1);
    Path csv = tmp.resolve("segment.csv");
    Segment spenders = Segment.parse("spend >= 19.99");
    JobExecution run =
        ExportSegmentMain.run(
            postgres.getPostgresDatabase(), clickhouse.settings(), spenders, csv, false);
    assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(Files.readAllLines(csv))
        .containsExactly(
            "member_id,name,phone,email,total_spend,order_count,last_order_date,rfm,tags",
            "1,B*** S***,+49*******5678,,120.25,2,2026-11-26," + scores(rfm1) + ",",
            "2,S*** S***,+49*******4321,,19.99,1,2026-11-26," + scores(rfm2) + ",");
    assertThat(Files.readAllLines(csv.resolveSibling("segment.rules.csv")))
        .containsExactly("rule,members", "spend >= 19.99,2", "all rules: spend >= 19.99,2");

    // The repository remembers a completed export: the same segment is not exported twice.
    assertThatThrownBy(
            () ->
                ExportSegmentMain.run(
                    postgres.getPostgresDatabase(), clickhouse.settings(), spenders, csv, false))
        .isInstanceOf(JobInstanceAlreadyCompleteException.class);
  }

  private static String scores(Map<String, String> rfm) {
    return rfm.get("r_score") + "-" + rfm.get("f_score") + "-" + rfm.get("m_score");
  }
}
