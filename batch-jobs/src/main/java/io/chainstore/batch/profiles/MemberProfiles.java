package io.chainstore.batch.profiles;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.chainstore.batch.clv.LifetimeValues;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The profile of every member from the paid orders: how many, how much (exact decimal), the UTC
 * date of the last one, the days since then, the RFM scores ({@link RfmScores}) and the lifetime
 * value of the next year ({@link LifetimeValues}). Members without orders get zeros, no date and no
 * lifetime value.
 */
public final class MemberProfiles {

  private static final double WEEK_SECONDS = 7 * 86400.0;

  private MemberProfiles() {}

  /** The profiles and the lifetime-value models fitted for them (none with too few buyers). */
  public record Profiles(Dataset<Row> rows, Optional<LifetimeValues.Fitted> lifetime) {}

  /**
   * @param members rows with {@code id}
   * @param paidOrders rows with {@code member_id}, {@code total_amount} (decimal) and {@code
   *     paid_at} (timestamp)
   * @param asOf the time of the run: recency counts days to its UTC date, histories end there
   * @return rows {@code member_id, order_count, total_spend, last_order_date, recency_days,
   *     r_score, f_score, m_score, clv}
   */
  public static Profiles compute(Dataset<Row> members, Dataset<Row> paidOrders, Instant asOf) {
    Dataset<Row> perMember =
        paidOrders
            .groupBy(col("member_id"))
            .agg(
                count(lit(1)).as("order_count"),
                sum(col("total_amount")).as("total_spend"),
                min(col("paid_at")).as("first_paid_at"),
                max(col("paid_at")).as("last_paid_at"),
                min_by(col("total_amount"), col("paid_at")).as("first_amount"));
    Column first = col("first_paid_at").cast("long");
    Column last = col("last_paid_at").cast("long");
    Column repeats = col("order_count").minus(1).cast("int");
    Dataset<Row> profiles =
        members
            .select(col("id").as("member_id"))
            .join(perMember, "member_id", "left")
            .select(
                col("member_id"),
                coalesce(col("order_count"), lit(0L)).as("order_count"),
                coalesce(col("total_spend"), lit(0))
                    .cast(DataTypes.createDecimalType(18, 2))
                    .as("total_spend"),
                to_date(col("last_paid_at")).as("last_order_date"),
                datediff(
                        lit(java.sql.Date.valueOf(asOf.atZone(ZoneOffset.UTC).toLocalDate())),
                        to_date(col("last_paid_at")))
                    .as("recency_days"),
                // The purchase history in weeks since the first purchase (null without one).
                repeats.as("repeats"),
                last.minus(first).divide(WEEK_SECONDS).as("last_at"),
                greatest(lit(asOf.getEpochSecond()).minus(first), last.minus(first))
                    .divide(WEEK_SECONDS)
                    .as("observed_for"),
                when(
                        repeats.gt(0),
                        greatest(
                            col("total_spend").minus(col("first_amount")).divide(repeats), lit(0)))
                    .otherwise(lit(0))
                    .cast("double")
                    .as("average_repeat_value"))
            .cache();
    Optional<LifetimeValues.Fitted> lifetime =
        LifetimeValues.fit(profiles.where(col("order_count").gt(0)));
    // Quintile boundaries over the members who bought (exact: relative error 0).
    double[][] boundaries =
        profiles
            .where(col("order_count").gt(0))
            .select(
                col("recency_days").cast("double"),
                col("order_count").cast("double"),
                col("total_spend").cast("double"))
            .toDF("r", "f", "m")
            .stat()
            .approxQuantile(new String[] {"r", "f", "m"}, RfmScores.QUINTILES, 0.0);
    if (boundaries[0].length == 0) { // nobody bought: every score 0
      boundaries = new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}};
    }
    RfmScores recency = new RfmScores(boundaries[0]);
    RfmScores frequency = new RfmScores(boundaries[1]);
    RfmScores monetary = new RfmScores(boundaries[2]);
    Column bought = col("order_count").gt(0);
    Column clv =
        lifetime
            .map(
                fitted ->
                    when(bought, round(LifetimeValues.value(fitted), 2))
                        .cast(DataTypes.createDecimalType(18, 2)))
            .orElse(lit(null).cast(DataTypes.createDecimalType(18, 2)));
    Dataset<Row> rows =
        profiles.select(
            col("member_id"),
            col("order_count"),
            col("total_spend"),
            col("last_order_date"),
            col("recency_days"),
            when(bought, score(recency::lowerIsBetter, col("recency_days")))
                .otherwise(0)
                .as("r_score"),
            when(bought, score(frequency::higherIsBetter, col("order_count")))
                .otherwise(0)
                .as("f_score"),
            when(bought, score(monetary::higherIsBetter, col("total_spend")))
                .otherwise(0)
                .as("m_score"),
            clv.as("clv"));
    return new Profiles(rows, lifetime);
  }

  private static Column score(SerializableScore scoring, Column value) {
    UDF1<Double, Integer> udf = v -> v == null ? 0 : scoring.score(v);
    return udf(udf, DataTypes.IntegerType).apply(value.cast("double"));
  }

  private interface SerializableScore extends java.io.Serializable {
    int score(double value);
  }
}
