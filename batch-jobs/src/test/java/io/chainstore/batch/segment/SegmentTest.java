package io.chainstore.batch.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentTest {

  @Test
  void readsTagsRfmAndFieldRulesEachWithItsOwnText() {
    Segment segment =
        Segment.parse("tags: lapsing AND NOT online-only; rfm >= 4-4-x; spend >= 200");
    assertThat(segment.rules())
        .extracting(SegmentRule::text)
        .containsExactly("tags: lapsing AND NOT online-only", "rfm >= 4-4-x", "spend >= 200");
    assertThat(segment.rules().get(0).sql())
        .isEqualTo("(has(tags, 'lapsing') AND NOT has(tags, 'online-only'))");
    assertThat(segment.rules().get(1).sql()).isEqualTo("r_score >= 4 AND f_score >= 4");
    assertThat(segment.rules().get(2).sql()).isEqualTo("total_spend >= toDecimal64('200', 2)");
    assertThat(segment.sql()).startsWith("((has(tags, 'lapsing')").contains(") AND (r_score");
  }

  @Test
  void andBindsTighterThanOrAndParenthesesAndNotNest() {
    assertThat(Segment.parse("tags: new OR active AND referrer").sql())
        .isEqualTo("((has(tags, 'new') OR (has(tags, 'active') AND has(tags, 'referrer'))))");
    assertThat(Segment.parse("TAGS: not (new or Lapsing) and not not referrer;").sql())
        .isEqualTo(
            "((NOT (has(tags, 'new') OR has(tags, 'lapsing')) AND NOT NOT has(tags, 'referrer')))");
  }

  @Test
  void fieldsCompareWithEveryOperator() {
    for (String operator : new String[] {">=", "<=", "!=", "=", ">", "<"}) {
      assertThat(Segment.parse("orders " + operator + " 3").sql())
          .isEqualTo("(order_count " + operator + " 3)");
    }
    assertThat(Segment.parse("recency<=30").rules().get(0).sql())
        .contains("today()")
        .endsWith("<= 30");
    assertThat(Segment.parse("rfm = x-x-5").sql()).isEqualTo("(m_score = 5)");
    assertThat(Segment.parse("propensity >= 0.6; discount-share > 0.1").sql())
        .isEqualTo(
            "(ifNull(coupon_propensity, toDecimal64(0, 4)) >= toDecimal64('0.6', 4)) AND"
                + " (ifNull(discount_share, toDecimal64(0, 4)) > toDecimal64('0.1', 4))");
    assertThat(Segment.parse("clv >= 200.50").sql())
        .isEqualTo("(ifNull(clv, toDecimal64(0, 2)) >= toDecimal64('200.50', 2))");
  }

  @Test
  void badSyntaxNamesThePositionAndWhatWasExpected() {
    assertError("", 1, "the segment is empty");
    assertError("tags lapsing", 6, "expected ':' after tags, found 'lapsing'");
    assertError("tags: lapsing AND", 18, "expected a tag name, NOT or '(', found the end");
    assertError("tags: lapsing AND NOT ;", 23, "expected a tag name, NOT or '(', found ';'");
    assertError("tags: sleepy", 7, "unknown tag 'sleepy'; known tags: new, active, lapsing");
    assertError("tags: (new OR active", 21, "expected ')' to close the '(' at position 7");
    assertError("rfm >= 4-6-x", 8, "expected an RFM pattern such as 4-4-x");
    assertError("rfm 4-4-x", 5, "expected a comparison (>= <= != = > <), found '4-4-x'");
    assertError("spend >= lots", 10, "expected a number after spend >=, found 'lots'");
    assertError("spend >= 1.234", 10, "spend has at most 2 decimals");
    assertError("spend >= 1e3", 10, "expected a number after spend >=");
    assertError("orders > 2.5", 10, "orders counts whole paid orders; no decimals");
    assertError(
        "age >= 30",
        1,
        "unknown rule 'age'; a rule starts with tags:, rfm or a field: spend, orders, clv");
    assertError(
        "spend >= 200 orders > 2", 14, "expected ';' between rules or the end, found 'orders'");
    assertError("spend >= 200; ; orders > 1", 15, "expected a rule");
    assertError("tags: new & active", 11, "unexpected character '&'");
  }

  private static void assertError(String segment, int position, String message) {
    assertThatThrownBy(() -> Segment.parse(segment))
        .isInstanceOfSatisfying(
            SegmentSyntaxException.class, e -> assertThat(e.position()).isEqualTo(position))
        .hasMessageStartingWith("segment: at position " + position + ": ")
        .hasMessageContaining(message);
  }
}
