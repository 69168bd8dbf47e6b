package io.chainstore.batch.propensity;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Coupon propensity: the probability that a member redeems a coupon he is given, from a logistic
 * regression (Spark MLlib) trained on the coupons issued before: label 1 for a redeemed coupon, 0
 * for one still unredeemed {@link #OUTCOME_DAYS} days after issue (younger unredeemed coupons have
 * no outcome yet and are left out). Features: the member's profile of this run ({@link #FEATURES})
 * — figures from after the coupon's issue included, a simplification the AUC on the held-out fifth
 * (seeded 80/20 split) reflects. Without {@link #MIN_OUTCOMES} outcomes of each kind there is no
 * model and no propensity.
 */
public final class CouponPropensity {

  public static final int OUTCOME_DAYS = 30;
  public static final int MIN_OUTCOMES = 20;

  /** The profile columns the model reads; counts and amounts as log(1 + x). */
  static final String[] FEATURES = {
    "recency_days", "order_count", "total_spend", "online_share", "pos_share", "discount_share"
  };

  private CouponPropensity() {}

  /** The trained model, its test AUC and how many outcomes it was trained and tested on. */
  public record Trained(PipelineModel model, double auc, long trainRows, long testRows) {

    public String json() {
      return json(null);
    }

    /** The model's description as JSON, with where its files were saved when given. */
    public String json(Path saved) {
      String path =
          saved == null
              ? ""
              : "\"path\":\""
                  + saved.toString().replace("\\", "\\\\").replace("\"", "\\\"")
                  + "\",";
      return String.format(
          Locale.ROOT,
          "{%s\"model\":\"logistic regression\",\"features\":%s,\"auc\":%.4f,\"train\":%d,\"test\":%d,\"outcome_days\":%d}",
          path,
          Arrays.stream(FEATURES).map(f -> "\"" + f + "\"").toList(),
          auc,
          trainRows,
          testRows,
          OUTCOME_DAYS);
    }
  }

  /**
   * @param coupons {@code member_id, redeemed} (boolean), the coupons with an outcome
   * @param profiles the profiles with {@link #FEATURES}
   */
  public static Optional<Trained> train(Dataset<Row> coupons, Dataset<Row> profiles) {
    Dataset<Row> labelled =
        features(coupons.join(profiles, "member_id"))
            .withColumn("label", when(col("redeemed"), 1.0).otherwise(0.0));
    long positive = labelled.where(col("label").equalTo(1.0)).count();
    long negative = labelled.where(col("label").equalTo(0.0)).count();
    if (positive < MIN_OUTCOMES || negative < MIN_OUTCOMES) {
      return Optional.empty();
    }
    Dataset<Row>[] split = labelled.randomSplit(new double[] {0.8, 0.2}, 11);
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new VectorAssembler().setInputCols(inputs()).setOutputCol("raw"),
                  new StandardScaler().setInputCol("raw").setOutputCol("features"),
                  new LogisticRegression().setMaxIter(100).setRegParam(0.01)
                });
    PipelineModel model = pipeline.fit(split[0]);
    double auc =
        new BinaryClassificationEvaluator()
            .setMetricName("areaUnderROC")
            .evaluate(model.transform(split[1]));
    return Optional.of(new Trained(model, auc, split[0].count(), split[1].count()));
  }

  /** Each profile with {@code coupon_propensity}, the model's probability of a redemption. */
  public static Dataset<Row> score(Trained trained, Dataset<Row> profiles) {
    return trained
        .model()
        .transform(features(profiles))
        .withColumn(
            "coupon_propensity",
            element_at(vector_to_array(col("probability"), "float64"), 2)
                .cast(DataTypes.createDecimalType(9, 4)))
        .drop(inputs())
        .drop("raw", "features", "rawPrediction", "probability", "prediction");
  }

  /** Saves the model beside the run, under {@code dir/<version>}. */
  public static Path save(Trained trained, Path dir, long version) throws IOException {
    Path target = dir.resolve(Long.toString(version));
    trained.model().write().overwrite().save(target.toString());
    return target;
  }

  private static Dataset<Row> features(Dataset<Row> rows) {
    Dataset<Row> out = rows;
    for (String feature : FEATURES) {
      Column value =
          coalesce(col(feature).cast("double"), lit(feature.equals("recency_days") ? 3650.0 : 0.0));
      boolean countOrAmount = !feature.endsWith("_share");
      out = out.withColumn("f_" + feature, countOrAmount ? log1p(value) : value);
    }
    return out;
  }

  private static String[] inputs() {
    return Arrays.stream(FEATURES).map(f -> "f_" + f).toArray(String[]::new);
  }
}
