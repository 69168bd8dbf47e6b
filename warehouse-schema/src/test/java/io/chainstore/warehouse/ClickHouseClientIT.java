package io.chainstore.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickHouseClientIT {

  private final ClickHouseClient client =
      new ClickHouseClient(ClickHouseSettings.of(SharedClickHouse.server().url(), "default"));

  /** Sorting these as text takes more than the 100 MB the query may use in memory. */
  private static final String BIG_SORT =
      "SELECT number, toString(number) AS text FROM numbers(5000000) ORDER BY text";

  private static final String MEMORY_LIMIT = "100000000";

  @Test
  void aStreamedSortBiggerThanMemorySpillsToDiskWhenAllowed() {
    long rows = 0;
    String previous = "";
    try (ClickHouseClient.RowStream stream =
        client.stream(
            BIG_SORT,
            Map.of(
                "max_memory_usage", MEMORY_LIMIT,
                "max_bytes_before_external_sort", "20000000",
                "max_execution_time", "300"))) {
      while (stream.hasNext()) {
        String text = stream.next().get("text");
        assertThat(text.compareTo(previous)).isPositive();
        previous = text;
        rows++;
      }
    }
    assertThat(rows).isEqualTo(5_000_000);
    assertThat(previous).isEqualTo("999999");
  }

  @Test
  void theSameSortFailsClearlyWithoutTheSpill() {
    assertThatThrownBy(
            () -> {
              try (ClickHouseClient.RowStream stream =
                  client.stream(BIG_SORT, Map.of("max_memory_usage", MEMORY_LIMIT))) {
                while (stream.hasNext()) {
                  stream.next();
                }
              }
            })
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("Memory limit");
  }
}
