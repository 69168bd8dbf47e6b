package io.chainstore.batch.segment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A segment of members: rules separated by {@code ;}, all of which must hold, e.g.
 *
 * <pre>tags: lapsing AND NOT online-only; rfm >= 4-4-x; spend >= 200</pre>
 *
 * Parsed by {@link SegmentParser}; the module README gives the whole syntax.
 */
public record Segment(String text, List<SegmentRule> rules) {

  public static Segment parse(String text) {
    return SegmentParser.parse(text);
  }

  /** Every rule at once, in ClickHouse SQL over the profile columns and the array {@code tags}. */
  public String sql() {
    return rules.stream().map(rule -> "(" + rule.sql() + ")").collect(Collectors.joining(" AND "));
  }
}
