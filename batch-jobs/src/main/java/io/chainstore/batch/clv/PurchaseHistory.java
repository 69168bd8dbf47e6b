package io.chainstore.batch.clv;

import java.io.Serializable;

/**
 * A member's purchases as the lifetime-value models read them, in weeks since the first purchase:
 * {@code repeats} purchases after the first, the last of them at {@code lastAt} (0 without
 * repeats), observed until {@code observedFor}; {@code averageRepeatValue} is the mean net value of
 * the repeat purchases (0 without repeats).
 */
public record PurchaseHistory(
    int repeats, double lastAt, double observedFor, double averageRepeatValue)
    implements Serializable {

  public PurchaseHistory {
    if (repeats < 0 || lastAt < 0 || lastAt > observedFor || (repeats == 0 && lastAt != 0)) {
      throw new IllegalArgumentException(
          "inconsistent history: "
              + repeats
              + " repeats, last at "
              + lastAt
              + " of "
              + observedFor);
    }
  }
}
