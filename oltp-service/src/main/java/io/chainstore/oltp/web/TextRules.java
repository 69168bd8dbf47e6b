package io.chainstore.oltp.web;

/**
 * What text the service accepts anywhere (bodies, query parameters, paths): well-formed Unicode
 * without control characters other than tab, line feed and carriage return. PostgreSQL cannot store
 * NUL, and an unpaired surrogate would be stored as "?": both are refused before the database.
 */
public final class TextRules {

  private TextRules() {}

  /** Why the text is refused, or null when it is fine. */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must be valid Unicode (an unpaired surrogate at position " + i + ")";
      } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return "must not contain control characters (U+%04X at position %d)".formatted((int) c, i);
      }
    }
    return null;
  }
}
