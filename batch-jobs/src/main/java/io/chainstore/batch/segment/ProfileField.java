package io.chainstore.batch.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The member profile figures a segment can compare, and the SQL that reads each of them. */
enum ProfileField {
  SPEND("spend", "total_spend", 2, "net spend of the member's paid orders"),
  ORDERS("orders", "order_count", 0, "paid orders"),
  CLV(
      "clv",
      "ifNull(clv, toDecimal64(0, 2))",
      2,
      "expected net spend of the next 52 weeks (0 where the profiles have none)"),
  RECENCY(
      "recency",
      "if(isNull(last_order_date), 100000, today() - assumeNotNull(last_order_date))",
      0,
      "days since the last paid order (100000 for none)"),
  PROPENSITY(
      "propensity",
      "ifNull(coupon_propensity, toDecimal64(0, 4))",
      4,
      "probability of redeeming a coupon (0 where there is none)"),
  DISCOUNT_SHARE(
      "discount-share",
      "ifNull(discount_share, toDecimal64(0, 4))",
      4,
      "share of the gross order value given as discounts");

  final String word;
  final String sql;

  /** Decimals a value may have: 0 for counts, 2 for money, 4 for shares and probabilities. */
  final int decimals;

  final String meaning;

  ProfileField(String word, String sql, int decimals, String meaning) {
    this.word = word;
    this.sql = sql;
    this.decimals = decimals;
    this.meaning = meaning;
  }

  static Optional<ProfileField> named(String word) {
    return Arrays.stream(values())
        .filter(f -> f.word.equals(word.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  static String words() {
    return String.join(", ", Arrays.stream(values()).map(f -> f.word).toList());
  }
}
