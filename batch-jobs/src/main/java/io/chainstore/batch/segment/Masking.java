package io.chainstore.batch.segment;

/**
 * The masking policy for personal data in exports: enough is kept to recognise a record when a
 * member calls, not enough to contact anyone from the file.
 *
 * <ul>
 *   <li>phone: a leading {@code +}, the first two digits (the country) and the last four; every
 *       other digit {@code *}; numbers of six digits or fewer entirely {@code *};
 *   <li>e-mail: the first character of the local part and the whole domain, {@code
 *       a***@example.com}; anything without a single {@code @} and a domain becomes {@code ***};
 *   <li>name: the first letter of each word, then {@code ***}: {@code Li Na} → {@code L*** N***}.
 * </ul>
 *
 * Missing values stay empty.
 */
public final class Masking {

  private static final String HIDDEN = "***";

  private Masking() {}

  public static String phone(String phone) {
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

  public static String email(String email) {
    if (email == null || email.isBlank()) {
      return "";
    }
    String address = email.strip();
    int at = address.indexOf('@');
    if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1) {
      return HIDDEN;
    }
    return address.substring(0, Character.charCount(address.codePointAt(0)))
        + HIDDEN
        + address.substring(at);
  }

  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    StringBuilder masked = new StringBuilder();
    for (String word : name.strip().split("\\s+")) {
      if (masked.length() > 0) {
        masked.append(' ');
      }
      masked.appendCodePoint(word.codePointAt(0)).append(HIDDEN);
    }
    return masked.toString();
  }
}
