package io.chainstore.batch.clv;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximizes a log-likelihood over the logarithms of positive parameters with Nelder–Mead, restarted
 * from its own answer until it stops moving (a single simplex run can stall early).
 */
final class MaximumLikelihood {

  private MaximumLikelihood() {}

  /**
   * The model that makes {@code histories} most likely: {@code fromLogs} builds one from the
   * logarithms of its {@code parameters} parameters, all starting at 1.
   */
  static <M> M fit(
      List<PurchaseHistory> histories,
      int parameters,
      Function<double[], M> fromLogs,
      ToDoubleBiFunction<M, PurchaseHistory> logLikelihood) {
    MultivariateFunction total =
        logs -> {
          M model = fromLogs.apply(logs);
          double sum = 0;
          for (PurchaseHistory h : histories) {
            sum += logLikelihood.applyAsDouble(model, h);
          }
          return Double.isFinite(sum) ? sum : -1e300;
        };
    return fromLogs.apply(maximize(total, new double[parameters]));
  }

  private static double[] maximize(MultivariateFunction logLikelihood, double[] start) {
    double[] point = start;
    double best = Double.NEGATIVE_INFINITY;
    for (int restart = 0; restart < 10; restart++) {
      PointValuePair found =
          new SimplexOptimizer(1e-10, 1e-9)
              .optimize(
                  new MaxEval(20_000),
                  new ObjectiveFunction(logLikelihood),
                  GoalType.MAXIMIZE,
                  new InitialGuess(point),
                  new NelderMeadSimplex(point.length, 0.5));
      point = found.getPoint();
      if (found.getValue() - best < 1e-6) {
        break;
      }
      best = found.getValue();
    }
    return point;
  }
}
