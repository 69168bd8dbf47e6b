package io.chainstore.warehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * Enough of ClickHouse's lexer to find keywords, names and brackets of a statement outside its
 * string literals and comments, with each token's place in the text (so a rewrite can replace a
 * name and keep the rest as written).
 */
final class SqlTokens {

  enum Kind {
    WORD,
    QUOTED_NAME,
    STRING,
    NUMBER,
    SYMBOL
  }

  record Token(Kind kind, String text, int start, int end) {

    boolean is(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(char symbol) {
      return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }

    boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    /** The name a word or a quoted name stands for. */
    String name() {
      return kind == Kind.QUOTED_NAME ? text.substring(1, text.length() - 1) : text;
    }
  }

  private SqlTokens() {}

  /** The statement with each comment replaced by a space. */
  static String withoutComments(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
        out.append(' ');
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
        out.append(' ');
      } else if (c == '\'' || c == '`' || c == '"') {
        int end = quotedEnd(sql, i);
        out.append(sql, i, end);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The tokens of a statement without comments. */
  static List<Token> of(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int start = i;
      Kind kind;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      } else if (c == '\'') {
        i = quotedEnd(sql, i);
        kind = Kind.STRING;
      } else if (c == '`' || c == '"') {
        i = quotedEnd(sql, i);
        kind = Kind.QUOTED_NAME;
      } else if (Character.isLetter(c) || c == '_') {
        while (i < sql.length() && isWordPart(sql.charAt(i))) {
          i++;
        }
        kind = Kind.WORD;
      } else if (Character.isDigit(c)) {
        while (i < sql.length() && isWordPart(sql.charAt(i))) {
          i++;
        }
        kind = Kind.NUMBER;
      } else {
        i++;
        kind = Kind.SYMBOL;
      }
      tokens.add(new Token(kind, sql.substring(start, i), start, i));
    }
    return tokens;
  }

  /** The index of the bracket closing the one at {@code open}. */
  static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isSymbol('(') || token.isSymbol('[')) {
        depth++;
      } else if (token.isSymbol(')') || token.isSymbol(']')) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw new IllegalArgumentException("unbalanced brackets");
  }

  /** The ranges [from, to) of tokens between {@code from} and {@code to} split at top commas. */
  static List<int[]> splitAtCommas(List<Token> tokens, int from, int to) {
    List<int[]> parts = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < to; i++) {
      Token token = tokens.get(i);
      if (token.isSymbol('(') || token.isSymbol('[')) {
        depth++;
      } else if (token.isSymbol(')') || token.isSymbol(']')) {
        depth--;
      } else if (depth == 0 && token.isSymbol(',')) {
        parts.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (start < to) {
      parts.add(new int[] {start, to});
    }
    return parts;
  }

  /** The text of tokens [from, to) with each run of white space between them made one space. */
  static String text(String sql, List<Token> tokens, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      Token token = tokens.get(i);
      if (i > from && token.start() > tokens.get(i - 1).end()) {
        out.append(' ');
      }
      out.append(token.text());
    }
    return out.toString();
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** The index after the literal or quoted name starting at {@code i} (backslash escapes). */
  private static int quotedEnd(String sql, int i) {
    char quote = sql.charAt(i);
    int j = i + 1;
    while (j < sql.length()) {
      char c = sql.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2; // a doubled quote stands for itself
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    throw new IllegalArgumentException("unterminated " + quote + " at " + i);
  }
}
