package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every constraint of the migrated schema is classified in {@code db/constraint-fields.properties}
 * (the request field it protects, or "-" for the service's own invariants), so a constraint a new
 * migration adds cannot fire on client input as an unexplained 500.
 */
class ConstraintFieldsIT extends ApiTestSupport {

  @Test
  void everyConstraintOfTheSchemaIsClassified() {
    List<String> constraints =
        jdbc.queryForList(
            "SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                + " AND contype IN ('c', 'f', 'u', 'x') ORDER BY conname",
            String.class);
    Map<String, String> fields = DatabaseErrors.constraintFields();
    assertThat(constraints).isNotEmpty();
    assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(constraints);
    assertThat(fields.values()).allSatisfy(field -> assertThat(field).isNotBlank());
  }
}
