package io.chainstore.streaming.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DebeziumOrderParserTest {

  private static OrderChange parse(String json) throws Exception {
    return DebeziumOrderParser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAPaidOrderWithExactMoneyAndItsLsn() throws Exception {
    OrderChange change =
        parse(
            ChangeEvents.order(
                "u", 4242, 7, 3, "pos", "paid", "19.99", 2, "2026-11-27T10:15:30.123456Z"));
    assertThat(change.lsn()).isEqualTo(4242);
    OrderState order = change.order();
    assertThat(order.orderId()).isEqualTo(7);
    assertThat(order.storeId()).isEqualTo(3);
    assertThat(order.totalAmount()).isEqualTo(new BigDecimal("19.99"));
    assertThat(order.paidAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30.123456Z"));
    assertThat(order.countsAsSale()).isTrue();
  }

  @Test
  void readsDeletesFromTheBeforeImage() throws Exception {
    OrderChange change = parse(ChangeEvents.order("d", 5, 9, 1, "online", "paid", "1.00", 1, null));
    assertThat(change.order().deleted()).isTrue();
    assertThat(change.order().orderId()).isEqualTo(9);
    assertThat(change.order().countsAsSale()).isFalse();
  }

  @Test
  void skipsTombstonesAndEventsWithoutARow() throws Exception {
    assertThat(DebeziumOrderParser.parse(null)).isNull();
    assertThat(parse("{\"op\": \"t\", \"source\": {\"lsn\": 1}}")).isNull();
  }
}
