package io.chainstore.batch.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One rule of a segment, as written and as ClickHouse SQL over the member's profile and tags. */
sealed interface SegmentRule {

  /** The rule as the segment wrote it. */
  String text();

  String sql();

  /** {@code tags: lapsing AND NOT online-only}. */
  record Tags(TagCondition condition, String text) implements SegmentRule {
    @Override
    public String sql() {
      return condition.sql();
    }
  }

  /** {@code spend >= 200}. */
  record Compare(ProfileField field, String operator, BigDecimal value, String text)
      implements SegmentRule {
    @Override
    public String sql() {
      String literal =
          field.decimals > 0
              ? "toDecimal64('" + value.toPlainString() + "', " + field.decimals + ")"
              : value.toBigIntegerExact().toString();
      return field.sql + " " + operator + " " + literal;
    }
  }

  /**
   * {@code rfm >= 4-4-x}: recency, frequency and monetary score (1 to 5, 5 best), each compared on
   * its own; 0 stands for x, any score.
   */
  record Rfm(String operator, int recency, int frequency, int monetary, String text)
      implements SegmentRule {
    @Override
    public String sql() {
      List<String> parts = new ArrayList<>();
      add(parts, "r_score", recency);
      add(parts, "f_score", frequency);
      add(parts, "m_score", monetary);
      return parts.isEmpty() ? "1" : String.join(" AND ", parts);
    }

    private void add(List<String> parts, String column, int score) {
      if (score > 0) {
        parts.add(column + " " + operator + " " + score);
      }
    }
  }
}
