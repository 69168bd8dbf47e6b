package io.chainstore.batch.profiles;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The profile of every member from the paid orders: how many, how much (exact decimal), the UTC
 * date of the last one, the days since then and the RFM scores ({@link RfmScores}). Members without
 * orders get zeros and no date.
 */
public final class MemberProfiles {

  private MemberProfiles() {}

  /**
   * @param members rows with {@code id}
   * @param paidOrders rows with {@code member_id}, {@code total_amount} (decimal) and {@code
   *     paid_at} (timestamp)
   * @param asOf the day recency is counted to
   * @return {@code member_id, order_count, total_spend, last_order_date, recency_days, r_score,
   *     f_score, m_score}
   */
  public static Dataset<Row> compute(
      Dataset<Row> members, Dataset<Row> paidOrders, LocalDate asOf) {
    Dataset<Row> perMember =
        paidOrders
            .groupBy(col("member_id"))
            .agg(
                count(lit(1)).as("order_count"),
                sum(col("total_amount")).as("total_spend"),
                max(col("paid_at")).as("last_paid_at"));
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
                to_date(col("last_paid_at")).as("last_order_date"))
            .withColumn(
                "recency_days", datediff(lit(java.sql.Date.valueOf(asOf)), col("last_order_date")))
            .cache();
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
    return profiles.select(
        col("member_id"),
        col("order_count"),
        col("total_spend"),
        col("last_order_date"),
        col("recency_days"),
        when(bought, score(recency::lowerIsBetter, col("recency_days"))).otherwise(0).as("r_score"),
        when(bought, score(frequency::higherIsBetter, col("order_count")))
            .otherwise(0)
            .as("f_score"),
        when(bought, score(monetary::higherIsBetter, col("total_spend")))
            .otherwise(0)
            .as("m_score"));
  }

  private static Column score(SerializableScore scoring, Column value) {
    UDF1<Double, Integer> udf = v -> v == null ? 0 : scoring.score(v);
    return udf(udf, DataTypes.IntegerType).apply(value.cast("double"));
  }

  private interface SerializableScore extends java.io.Serializable {
    int score(double value);
  }
}
