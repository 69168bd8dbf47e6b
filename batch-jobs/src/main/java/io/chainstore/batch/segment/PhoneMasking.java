package io.chainstore.batch.segment;

/**
 * The masking policy for phone numbers in exports: keep a leading {@code +} and the first two
 * digits (the country) and the last four; every other digit becomes {@code *}. Numbers too short to
 * keep anything are masked entirely.
 */
public final class PhoneMasking {

  private PhoneMasking() {}

  public static String mask(String phone) {
    if (phone == null || phone.isBlank()) {
      return "";
    }
    String digits = phone.replaceAll("[^0-9]", "");
    boolean plus = phone.strip().startsWith("+");
    if (digits.length() <= 6) {
      return (plus ? "+" : "") + "*".repeat(digits.length());
    }
    return (plus ? "+" : "")
        + digits.substring(0, 2)
        + "*".repeat(digits.length() - 6)
        + digits.substring(digits.length() - 4);
  }
}
