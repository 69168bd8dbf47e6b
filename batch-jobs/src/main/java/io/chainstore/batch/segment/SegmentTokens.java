package io.chainstore.batch.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * The words and symbols of a segment. A word is a run of letters, digits, {@code _ . -} (a tag, a
 * field, a keyword, a number or an RFM pattern: the parser reads it by where it stands).
 */
final class SegmentTokens {

  enum Kind {
    WORD,
    SYMBOL,
    END
  }

  record Token(Kind kind, String text, int position) {

    boolean is(String symbolOrKeyword) {
      return kind != Kind.END && text.equalsIgnoreCase(symbolOrKeyword);
    }

    String shown() {
      return kind == Kind.END ? "the end" : "'" + text + "'";
    }
  }

  private static final List<String> SYMBOLS =
      List.of(">=", "<=", "!=", "=", ">", "<", ":", ";", "(", ")");

  private SegmentTokens() {}

  static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      if (isWordChar(ch)) {
        int start = i;
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), start + 1));
        continue;
      }
      String symbol = symbolAt(text, i);
      if (symbol == null) {
        throw new SegmentSyntaxException(i + 1, "unexpected character '" + ch + "'");
      }
      tokens.add(new Token(Kind.SYMBOL, symbol, i + 1));
      i += symbol.length();
    }
    tokens.add(new Token(Kind.END, "", text.length() + 1));
    return tokens;
  }

  private static boolean isWordChar(char ch) {
    return ch < 0x80 && (Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.');
  }

  private static String symbolAt(String text, int i) {
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, i)) {
        return symbol;
      }
    }
    return null;
  }
}
