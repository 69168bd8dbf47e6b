package io.chainstore.streaming.sales;

import static io.chainstore.streaming.sales.Rows.line;
import static io.chainstore.streaming.sales.Rows.order;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderFactsTest {

  @Test
  void anEventAtOrBelowItsRowsLastLsnIsADuplicate() {
    OrderFacts facts =
        OrderFacts.empty().with(OrderEvent.of(order("created", "5.00", "5.00", 1), 100, false));
    assertThat(facts.isDuplicate(OrderEvent.of(order("paid", "5.00", "5.00", 1), 100, false)))
        .isTrue();
    assertThat(facts.isDuplicate(OrderEvent.of(order("paid", "5.00", "5.00", 1), 99, false)))
        .isTrue();
    assertThat(facts.isDuplicate(OrderEvent.of(order("paid", "5.00", "5.00", 1), 101, false)))
        .isFalse();
    // LSNs are per row: a line below the order's LSN is not a duplicate of it.
    assertThat(facts.isDuplicate(OrderEvent.of(line(1, 7, 1, "5.00", "goods"), 90, false)))
        .isFalse();
  }

  @Test
  void aDeletedLineLeavesTheFacts() {
    OrderFacts facts =
        OrderFacts.empty()
            .with(OrderEvent.of(line(1, 7, 1, "5.00", "goods"), 10, false))
            .with(OrderEvent.of(line(2, 8, 1, "5.00", "goods"), 11, false))
            .with(OrderEvent.of(line(1, 7, 1, "5.00", "goods"), 12, true));
    assertThat(facts.lines()).containsOnlyKeys(2);
  }
}
