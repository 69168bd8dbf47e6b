package io.chainstore.batch.segment;

import java.util.List;
import java.util.stream.Collectors;

/** A condition on the member's live tags: a tag, NOT, AND, OR. */
sealed interface TagCondition {

  /** The condition in ClickHouse SQL over {@code tags}, the array of the member's live tags. */
  String sql();

  record Tag(String name) implements TagCondition {
    @Override
    public String sql() {
      return "has(tags, '" + name + "')"; // names are checked against the known tags
    }
  }

  record Not(TagCondition condition) implements TagCondition {
    @Override
    public String sql() {
      return "NOT " + condition.sql();
    }
  }

  record All(List<TagCondition> conditions) implements TagCondition {
    @Override
    public String sql() {
      return conditions.stream()
          .map(TagCondition::sql)
          .collect(Collectors.joining(" AND ", "(", ")"));
    }
  }

  record Any(List<TagCondition> conditions) implements TagCondition {
    @Override
    public String sql() {
      return conditions.stream()
          .map(TagCondition::sql)
          .collect(Collectors.joining(" OR ", "(", ")"));
    }
  }
}
