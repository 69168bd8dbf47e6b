package io.chainstore.batch.clv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;

/**
 * Lifetime value in Spark: BG/NBD and Gamma-Gamma fitted on the members' purchase histories (a
 * seeded sample of at most {@link #FIT_SAMPLE} buyers, on the driver), then each member's value of
 * the next {@link #HORIZON_WEEKS} weeks: expected purchases × expected net value per purchase,
 * undiscounted. Histories are columns {@code repeats, last_at, observed_for, average_repeat_value}
 * ({@link PurchaseHistory}).
 */
public final class LifetimeValues {

  public static final double HORIZON_WEEKS = 52;
  public static final int FIT_SAMPLE = 100_000;

  /** Below this many members with repeat purchases the values are not fitted: clv stays NULL. */
  public static final int MIN_REPEATERS = 50;

  private LifetimeValues() {}

  /** The two fitted models and how many histories they were fitted on. */
  public record Fitted(BgNbd purchases, GammaGamma values, long histories)
      implements java.io.Serializable {

    /** The parameters as JSON, kept with the run. */
    public String json() {
      return "{\"model\":\"BG/NBD + Gamma-Gamma\",\"horizon_weeks\":%s,\"histories\":%d,\"bgnbd\":{\"r\":%s,\"alpha\":%s,\"a\":%s,\"b\":%s},\"gamma_gamma\":{\"p\":%s,\"q\":%s,\"gamma\":%s}}"
          .formatted(
              HORIZON_WEEKS,
              histories,
              purchases.r(),
              purchases.alpha(),
              purchases.a(),
              purchases.b(),
              values.p(),
              values.q(),
              values.gamma());
    }

    public double value(PurchaseHistory history) {
      return purchases.expectedPurchases(history, HORIZON_WEEKS) * values.expectedValue(history);
    }
  }

  /** Fits both models on the buyers' histories, or nothing when too few bought again. */
  public static Optional<Fitted> fit(Dataset<Row> buyers) {
    long count = buyers.count();
    if (count == 0) {
      return Optional.empty();
    }
    double fraction = Math.min(1.0, FIT_SAMPLE / (double) count);
    List<PurchaseHistory> sample =
        buyers
            .sample(false, fraction, 17)
            .map(
                (MapFunction<Row, PurchaseHistory>) LifetimeValues::history,
                Encoders.javaSerialization(PurchaseHistory.class))
            .collectAsList();
    if (sample.stream().filter(h -> h.repeats() > 0).count() < MIN_REPEATERS) {
      return Optional.empty();
    }
    return Optional.of(new Fitted(BgNbd.fit(sample), GammaGamma.fit(sample), sample.size()));
  }

  /** The lifetime value of each row's history, as a column (NULL without a history). */
  public static Column value(Fitted fitted) {
    UDF4<Integer, Double, Double, Double, Double> value =
        (repeats, lastAt, observedFor, average) ->
            repeats == null
                ? null
                : fitted.value(new PurchaseHistory(repeats, lastAt, observedFor, average));
    return udf(value, DataTypes.DoubleType)
        .apply(col("repeats"), col("last_at"), col("observed_for"), col("average_repeat_value"));
  }

  private static PurchaseHistory history(Row row) {
    return new PurchaseHistory(
        row.getInt(row.fieldIndex("repeats")),
        row.getDouble(row.fieldIndex("last_at")),
        row.getDouble(row.fieldIndex("observed_for")),
        row.getDouble(row.fieldIndex("average_repeat_value")));
  }
}
