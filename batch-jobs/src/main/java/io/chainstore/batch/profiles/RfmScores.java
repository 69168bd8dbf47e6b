package io.chainstore.batch.profiles;

import java.io.Serializable;
import java.util.Arrays;

/**
 * RFM scores: each of recency, frequency and monetary value scored 1 to 5 (5 best) by the quintile
 * of the member among all members who bought, so a score means the same for every member of a run.
 * A score counts the quintile boundaries a value is beyond; a value on a boundary belongs to the
 * lower values (the fewer orders, the more recent). Equal values get equal scores, so heavy ties
 * (most members buy once) leave some scores unused rather than splitting the tie at random. Members
 * who never bought score 0.
 */
public record RfmScores(double[] boundaries) implements Serializable {

  /** The four boundaries at 20, 40, 60 and 80 % of the members who bought. */
  public static final double[] QUINTILES = {0.2, 0.4, 0.6, 0.8};

  public RfmScores {
    if (boundaries.length != QUINTILES.length) {
      throw new IllegalArgumentException("four quintile boundaries expected");
    }
    boundaries = boundaries.clone();
    Arrays.sort(boundaries);
  }

  /** For frequency and monetary value: more is better. */
  public int higherIsBetter(double value) {
    int beyond = 0;
    for (double boundary : boundaries) {
      if (value > boundary) {
        beyond++;
      }
    }
    return 1 + beyond;
  }

  /** For recency in days: fewer is better (the mirror of {@link #higherIsBetter}). */
  public int lowerIsBetter(double value) {
    return 6 - higherIsBetter(value);
  }
}
