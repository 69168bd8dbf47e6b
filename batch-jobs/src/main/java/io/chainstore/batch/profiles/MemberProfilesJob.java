package io.chainstore.batch.profiles;

import static org.apache.spark.sql.functions.lit;

import io.chainstore.batch.BatchMetrics;
import io.chainstore.batch.BatchOptions;
import io.chainstore.batch.clv.LifetimeValues;
import io.chainstore.batch.propensity.CouponPropensity;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import io.chainstore.warehouse.WarehouseTables;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * member-profiles: reads members and paid orders from PostgreSQL, computes {@link MemberProfiles}
 * and replaces each member's row in ClickHouse. Run by spark-submit, or locally (master local[2]
 * unless {@code spark.master} is set).
 */
public final class MemberProfilesJob {

  public static final String NAME = "member-profiles";

  /** What is written per member, in the order of the profile rows' fields (then the run's). */
  static final List<String> COLUMNS =
      List.of(
          "member_id",
          "order_count",
          "total_spend",
          "last_order_date",
          "recency_days",
          "r_score",
          "f_score",
          "m_score",
          "clv",
          "preferred_store_id",
          "preferred_category",
          "online_share",
          "pos_share",
          "pickup_share",
          "discount_share",
          "coupon_propensity",
          "version",
          "computed_at");

  private static final int BATCH_ROWS = 10_000;

  private MemberProfilesJob() {}

  /** Options of {@link #run}: where to read and where to write. */
  public record Settings(
      String postgresUrl,
      String postgresUser,
      String postgresPassword,
      ClickHouseSettings clickhouse,
      Path modelDir) {}

  public static void main(String[] argv) throws Exception {
    BatchOptions options = new BatchOptions(argv, System.getenv());
    Settings settings =
        new Settings(
            options.get("postgres-url", "jdbc:postgresql://127.0.0.1:5432/chainstore"),
            options.get("postgres-user", "postgres"),
            options.get("postgres-password", ""),
            ClickHouseSettings.fromOptions(name -> options.get(name, null)),
            Path.of(options.get("model-dir", "member-profiles-models")).toAbsolutePath());
    SparkSession.Builder builder =
        SparkSession.builder().appName(NAME).config("spark.sql.session.timeZone", "UTC");
    if (System.getProperty("spark.master") == null) {
      builder.master("local[2]").config("spark.ui.enabled", "false");
    }
    Instant start = Instant.now();
    long written = 0;
    boolean completed = false;
    try (SparkSession spark = builder.getOrCreate()) {
      written = run(spark, settings, start);
      completed = true;
      System.out.println(NAME + ": wrote " + written + " member profiles");
    } finally {
      BatchMetrics.writeIfAsked(
          options, BatchMetrics.Run.endingNow(NAME, start, completed, written));
    }
  }

  /** Computes and writes all profiles; returns how many were written. */
  public static long run(SparkSession spark, Settings settings, Instant runStart)
      throws SQLException, IOException {
    Properties jdbc = new Properties();
    jdbc.setProperty("user", settings.postgresUser());
    jdbc.setProperty("password", settings.postgresPassword());
    jdbc.setProperty("driver", "org.postgresql.Driver");

    long[] bounds = orderIdBounds(settings);
    Dataset<Row> members =
        spark.read().jdbc(settings.postgresUrl(), "(SELECT id FROM members) AS m", jdbc);
    Dataset<Row> paidOrders =
        spark
            .read()
            .jdbc(
                settings.postgresUrl(),
                "(SELECT s.id, s.member_id, s.store_id, s.channel, s.net_amount AS total_amount,"
                    + " s.paid_at, coalesce(x.subtotal_amount, x.total_amount) AS subtotal,"
                    + " x.member_discount + x.coupon_discount + x.points_discount AS discount"
                    + " FROM sales_orders s JOIN orders x ON x.id = s.id"
                    + " WHERE s.member_id IS NOT NULL) AS o",
                "id",
                bounds[0],
                bounds[1] + 1,
                4,
                jdbc);
    Dataset<Row> saleLines =
        spark
            .read()
            .jdbc(
                settings.postgresUrl(),
                "(SELECT l.order_id, p.category, l.net_amount FROM sales_lines l"
                    + " JOIN skus k ON k.id = l.sku_id JOIN products p ON p.id = k.product_id) AS l",
                "order_id",
                bounds[0],
                bounds[1] + 1,
                4,
                jdbc);
    Dataset<Row> coupons =
        spark
            .read()
            .jdbc(
                settings.postgresUrl(),
                "(SELECT member_id, status = 'redeemed' AS redeemed FROM coupons"
                    + " WHERE status = 'redeemed' OR issued_at < '"
                    + runStart.minus(Duration.ofDays(CouponPropensity.OUTCOME_DAYS))
                    + "'::timestamptz) AS c",
                jdbc);
    MemberProfiles.Profiles computed = MemberProfiles.compute(members, paidOrders, runStart);
    Dataset<Row> preferences =
        MemberPreferences.compute(
            paidOrders.withColumnRenamed("total_amount", "net_amount"), saleLines);
    Dataset<Row> described = computed.rows().join(preferences, "member_id", "left").cache();
    Optional<CouponPropensity.Trained> propensity = CouponPropensity.train(coupons, described);
    Dataset<Row> scored =
        propensity
            .map(trained -> CouponPropensity.score(trained, described))
            .orElse(
                described.withColumn(
                    "coupon_propensity", lit(null).cast(DataTypes.createDecimalType(9, 4))));
    Dataset<Row> profiles =
        scored.selectExpr(COLUMNS.subList(0, COLUMNS.size() - 2).toArray(String[]::new)).cache();
    long count = profiles.count();
    ClickHouseSettings clickhouse = settings.clickhouse();
    long version = runStart.toEpochMilli();
    String computedAt =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC)
            .format(runStart);
    profiles.foreachPartition(
        (ForeachPartitionFunction<Row>) rows -> write(clickhouse, rows, version, computedAt));
    profiles.unpersist();
    described.unpersist();
    String propensityJson = "{}";
    if (propensity.isPresent()) {
      Path saved = CouponPropensity.save(propensity.get(), settings.modelDir(), version);
      propensityJson = propensity.get().json(saved);
    }
    new ClickHouseClient(clickhouse)
        .insert(
            WarehouseTables.MEMBER_PROFILE_RUN,
            List.of("version", "computed_at", "members", "models"),
            List.of(
                List.of(
                    version,
                    computedAt,
                    count,
                    "{\"lifetime_value\":"
                        + computed.lifetime().map(LifetimeValues.Fitted::json).orElse("{}")
                        + ",\"coupon_propensity\":"
                        + propensityJson
                        + "}")));
    return count;
  }

  private static void write(
      ClickHouseSettings settings, Iterator<Row> rows, long version, String computedAt) {
    ClickHouseClient client = new ClickHouseClient(settings);
    List<List<Object>> batch = new ArrayList<>(BATCH_ROWS);
    while (rows.hasNext()) {
      Row row = rows.next();
      List<Object> values = new ArrayList<>(COLUMNS.size());
      for (int i = 0; i < row.size(); i++) {
        values.add(value(row.get(i)));
      }
      values.add(version);
      values.add(computedAt);
      batch.add(values);
      if (batch.size() == BATCH_ROWS) {
        client.insert(WarehouseTables.MEMBER_PROFILE, COLUMNS, batch);
        batch.clear();
      }
    }
    client.insert(WarehouseTables.MEMBER_PROFILE, COLUMNS, batch);
  }

  /** A Spark value as ClickHouse's text format reads it (decimals plain, dates ISO). */
  private static Object value(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value == null ? null : value.toString();
  }

  private static long[] orderIdBounds(Settings settings) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword());
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM orders")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
