package io.chainstore.demo.generate;

/** Money as whole cents, the way the generator counts it. */
final class Cents {

  private Cents() {}

  /** 1234 → "12.34", -5 → "-0.05": PostgreSQL's numeric text. */
  static String text(long cents) {
    long abs = Math.abs(cents);
    String digits = Long.toString(abs / 100);
    long rest = abs % 100;
    return (cents < 0 ? "-" : "") + digits + (rest < 10 ? ".0" : ".") + rest;
  }

  /**
   * A line's part of the order's total: the total spread over the lines in proportion to their
   * amounts, rounded half up, the last line taking what is left (the rule of the {@code
   * sales_lines} view and the analytics).
   */
  static long share(long total, long subtotal, long[] amounts, int line) {
    if (subtotal == 0) {
      return 0;
    }
    if (line < amounts.length - 1) {
      return (2 * total * amounts[line] + subtotal) / (2 * subtotal);
    }
    long others = 0;
    for (int l = 0; l < amounts.length - 1; l++) {
      others += (2 * total * amounts[l] + subtotal) / (2 * subtotal);
    }
    return total - others;
  }
}
