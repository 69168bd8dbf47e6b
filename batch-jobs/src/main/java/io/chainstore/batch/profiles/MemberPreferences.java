package io.chainstore.batch.profiles;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * What a member prefers, from his paid orders: the store and the product category where he spent
 * most (net of returns; a tie goes to the lower store id or the first category by name), the share
 * of his net spend per channel, and the share of his orders' gross value he got as discounts
 * (member level, coupons, points).
 */
public final class MemberPreferences {

  static final String[] CHANNELS = {"online", "pos", "pickup"};

  private MemberPreferences() {}

  /**
   * @param paidOrders {@code id, member_id, store_id, channel, net_amount, subtotal, discount}
   * @param saleLines {@code order_id, category, net_amount}, the lines of those orders
   * @return {@code member_id, preferred_store_id, preferred_category, online_share, pos_share,
   *     pickup_share, discount_share}
   */
  public static Dataset<Row> compute(Dataset<Row> paidOrders, Dataset<Row> saleLines) {
    Dataset<Row> store =
        mostSpent(
                paidOrders.select(col("member_id"), col("store_id"), col("net_amount")), "store_id")
            .withColumnRenamed("store_id", "preferred_store_id");
    Dataset<Row> category =
        mostSpent(
                saleLines
                    .join(paidOrders.select(col("id").as("order_id"), col("member_id")), "order_id")
                    .select(col("member_id"), col("category"), col("net_amount")),
                "category")
            .withColumnRenamed("category", "preferred_category");
    Column total = sum(col("net_amount"));
    Dataset<Row> shares =
        paidOrders
            .groupBy(col("member_id"))
            .agg(
                share(CHANNELS[0], total),
                share(CHANNELS[1], total),
                share(CHANNELS[2], total),
                ratio(sum(col("discount")), sum(col("subtotal"))).as("discount_share"));
    return shares.join(store, "member_id", "left").join(category, "member_id", "left");
  }

  /** Per member the value of {@code key} with the most net spend. */
  private static Dataset<Row> mostSpent(Dataset<Row> spend, String key) {
    return spend
        .groupBy(col("member_id"), col(key))
        .agg(sum(col("net_amount")).as("spent"))
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy(col("member_id"))
                        .orderBy(col("spent").desc(), col(key).asc())))
        .where(col("rank").equalTo(1))
        .select(col("member_id"), col(key));
  }

  private static Column share(String channel, Column total) {
    return ratio(sum(when(col("channel").equalTo(channel), col("net_amount")).otherwise(0)), total)
        .as(channel + "_share");
  }

  /** part / whole to four decimals, NULL when there is no whole. */
  private static Column ratio(Column part, Column whole) {
    return when(whole.gt(0), part.divide(whole))
        .otherwise(lit(null))
        .cast(DataTypes.createDecimalType(9, 4));
  }
}
