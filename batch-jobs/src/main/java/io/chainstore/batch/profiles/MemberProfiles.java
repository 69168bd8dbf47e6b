package io.chainstore.batch.profiles;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The profile of every member from the paid orders: how many, how much (exact decimal) and the UTC
 * date of the last one. Members without orders get zeros and no date.
 */
public final class MemberProfiles {

  private MemberProfiles() {}

  /**
   * @param members rows with {@code id}
   * @param paidOrders rows with {@code member_id}, {@code total_amount} (decimal) and {@code
   *     paid_at} (timestamp)
   * @return {@code member_id, order_count, total_spend, last_order_date}
   */
  public static Dataset<Row> compute(Dataset<Row> members, Dataset<Row> paidOrders) {
    Dataset<Row> perMember =
        paidOrders
            .groupBy(col("member_id"))
            .agg(
                count(lit(1)).as("order_count"),
                sum(col("total_amount")).as("total_spend"),
                max(col("paid_at")).as("last_paid_at"));
    return members
        .select(col("id").as("member_id"))
        .join(perMember, "member_id", "left")
        .select(
            col("member_id"),
            coalesce(col("order_count"), lit(0L)).as("order_count"),
            coalesce(col("total_spend"), lit(0))
                .cast(DataTypes.createDecimalType(18, 2))
                .as("total_spend"),
            to_date(col("last_paid_at")).as("last_order_date"));
  }
}
