package io.chainstore.batch.segment;

import io.chainstore.batch.segment.SegmentTokens.Token;
import io.chainstore.warehouse.MemberTagNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a segment's text; anything it cannot read is a {@link SegmentSyntaxException}. */
final class SegmentParser {

  private static final List<String> OPERATORS = List.of(">=", "<=", "!=", "=", ">", "<");
  private static final Pattern RFM = Pattern.compile("([1-5xX])-([1-5xX])-([1-5xX])");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private final String text;
  private final List<Token> tokens;
  private int next;

  private SegmentParser(String text) {
    this.text = text;
    this.tokens = SegmentTokens.of(text);
  }

  static Segment parse(String text) {
    if (text == null || text.isBlank()) {
      throw new SegmentSyntaxException(1, "the segment is empty; give at least one rule");
    }
    return new SegmentParser(text).segment();
  }

  private Segment segment() {
    List<SegmentRule> rules = new ArrayList<>();
    while (true) {
      rules.add(rule());
      if (peek().is(";")) {
        take();
        if (peek().kind() == SegmentTokens.Kind.END) {
          break;
        }
      } else if (peek().kind() == SegmentTokens.Kind.END) {
        break;
      } else {
        throw expected("';' between rules or the end");
      }
    }
    return new Segment(text, List.copyOf(rules));
  }

  private SegmentRule rule() {
    Token first = peek();
    if (first.kind() != SegmentTokens.Kind.WORD) {
      throw expected("a rule (tags:, rfm or a field: " + ProfileField.words() + ")");
    }
    take();
    SegmentRule rule;
    if (first.is("tags")) {
      if (!peek().is(":")) {
        throw expected("':' after tags");
      }
      take();
      TagCondition condition = anyOf();
      rule = new SegmentRule.Tags(condition, textFrom(first));
    } else if (first.is("rfm")) {
      String operator = operator();
      Token pattern = take();
      Matcher m = RFM.matcher(pattern.text());
      if (pattern.kind() != SegmentTokens.Kind.WORD || !m.matches()) {
        throw new SegmentSyntaxException(
            pattern.position(),
            "expected an RFM pattern such as 4-4-x (recency-frequency-monetary, scores 1 to 5,"
                + " x for any), found "
                + pattern.shown());
      }
      rule =
          new SegmentRule.Rfm(
              operator, score(m.group(1)), score(m.group(2)), score(m.group(3)), textFrom(first));
    } else {
      ProfileField field =
          ProfileField.named(first.text())
              .orElseThrow(
                  () ->
                      new SegmentSyntaxException(
                          first.position(),
                          "unknown rule '"
                              + first.text()
                              + "'; a rule starts with tags:, rfm or a field: "
                              + ProfileField.words()));
      String operator = operator();
      Token value = take();
      if (value.kind() != SegmentTokens.Kind.WORD || !NUMBER.matcher(value.text()).matches()) {
        throw new SegmentSyntaxException(
            value.position(),
            "expected a number after " + field.word + " " + operator + ", found " + value.shown());
      }
      BigDecimal number = new BigDecimal(value.text());
      if (field.decimals == 0 && number.scale() > 0) {
        throw new SegmentSyntaxException(
            value.position(), field.word + " counts whole " + field.meaning + "; no decimals");
      }
      if (number.scale() > field.decimals) {
        throw new SegmentSyntaxException(
            value.position(), field.word + " has at most " + field.decimals + " decimals");
      }
      rule = new SegmentRule.Compare(field, operator, number, textFrom(first));
    }
    return rule;
  }

  private TagCondition anyOf() {
    List<TagCondition> any = new ArrayList<>(List.of(allOf()));
    while (peek().is("OR")) {
      take();
      any.add(allOf());
    }
    return any.size() == 1 ? any.get(0) : new TagCondition.Any(List.copyOf(any));
  }

  private TagCondition allOf() {
    List<TagCondition> all = new ArrayList<>(List.of(single()));
    while (peek().is("AND")) {
      take();
      all.add(single());
    }
    return all.size() == 1 ? all.get(0) : new TagCondition.All(List.copyOf(all));
  }

  private TagCondition single() {
    Token token = peek();
    if (token.is("NOT")) {
      take();
      return new TagCondition.Not(single());
    }
    if (token.is("(")) {
      take();
      TagCondition inner = anyOf();
      if (!peek().is(")")) {
        throw expected("')' to close the '(' at position " + token.position());
      }
      take();
      return inner;
    }
    if (token.kind() != SegmentTokens.Kind.WORD || token.is("AND") || token.is("OR")) {
      throw expected("a tag name, NOT or '('");
    }
    take();
    String name = token.text().toLowerCase(Locale.ROOT);
    if (!MemberTagNames.ALL.contains(name)) {
      throw new SegmentSyntaxException(
          token.position(),
          "unknown tag '"
              + token.text()
              + "'; known tags: "
              + String.join(", ", MemberTagNames.ALL));
    }
    return new TagCondition.Tag(name);
  }

  private String operator() {
    Token token = peek();
    if (token.kind() != SegmentTokens.Kind.SYMBOL || !OPERATORS.contains(token.text())) {
      throw expected("a comparison (" + String.join(" ", OPERATORS) + ")");
    }
    take();
    return token.text();
  }

  private static int score(String s) {
    return s.equalsIgnoreCase("x") ? 0 : Integer.parseInt(s);
  }

  /** The rule's own text, from its first word to where the parser stands. */
  private String textFrom(Token first) {
    return text.substring(first.position() - 1, peek().position() - 1).strip();
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token token = tokens.get(next);
    if (token.kind() != SegmentTokens.Kind.END) {
      next++;
    }
    return token;
  }

  private SegmentSyntaxException expected(String what) {
    return new SegmentSyntaxException(
        peek().position(), "expected " + what + ", found " + peek().shown());
  }
}
