package io.chainstore.batch.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The member profile figures a segment can compare, and the SQL that reads each of them. */
enum ProfileField {
  SPEND("spend", "total_spend", true, "net spend of the member's paid orders"),
  ORDERS("orders", "order_count", false, "paid orders"),
  CLV(
      "clv",
      "ifNull(clv, toDecimal64(0, 2))",
      true,
      "expected net spend of the next 52 weeks (0 where the profiles have none)"),
  RECENCY(
      "recency",
      "if(isNull(last_order_date), 100000, today() - assumeNotNull(last_order_date))",
      false,
      "days since the last paid order (100000 for none)");

  final String word;
  final String sql;
  final boolean money;
  final String meaning;

  ProfileField(String word, String sql, boolean money, String meaning) {
    this.word = word;
    this.sql = sql;
    this.money = money;
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
