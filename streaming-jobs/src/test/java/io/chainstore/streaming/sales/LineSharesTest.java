package io.chainstore.streaming.sales;

import static io.chainstore.streaming.sales.Rows.facts;
import static io.chainstore.streaming.sales.Rows.line;
import static io.chainstore.streaming.sales.Rows.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineSharesTest {

  @Test
  void eachLineGetsItsShareOfTheTotalAndTheLastWhatIsLeft() {
    // 10.00 of goods, 1.00 off: 9.00 spread as 3.33, 3.33, 3.34 are of 10.00.
    OrderFacts facts =
        facts(
            order("paid", "10.00", "9.00", 3),
            line(1, 101, 1, "3.33", "goods"),
            line(2, 102, 1, "3.33", "goods"),
            line(3, 103, 1, "3.34", "goods"));
    Map<Integer, BigDecimal> net = LineShares.netByLine(facts);
    // 9.00 x 3.33 / 10.00 = 2.997 -> 3.00 (half up), twice; the last takes 9.00 - 6.00.
    assertThat(net.values()).containsExactly(bd("3.00"), bd("3.00"), bd("3.00"));
    assertThat(net.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("9.00");
  }

  @Test
  void halfACentRoundsUpAndRefundsComeOffTheirLine() {
    // 0.05 spread over two lines of 1.00: 0.025 -> 0.03, the last 0.02.
    OrderFacts facts =
        facts(
            order("paid", "2.00", "0.05", 2),
            line(1, 101, 1, "1.00", "goods"),
            line(2, 102, 1, "1.00", "service"));
    assertThat(LineShares.netByLine(facts).values()).containsExactly(bd("0.03"), bd("0.02"));

    OrderFacts returned =
        facts.with(OrderEvent.of(new ReturnLineRow(7, 1, 2, 1, new BigDecimal("0.02")), 20, false));
    assertThat(LineShares.netByLine(returned).values()).containsExactly(bd("0.03"), bd("0.00"));
  }

  @Test
  void anOrderWithNothingToSpreadGivesEveryLineNothing() {
    OrderFacts facts = facts(order("paid", "0.00", "0.00", 1), line(1, 101, 1, "0.00", "goods"));
    assertThat(LineShares.netByLine(facts).values()).containsExactly(bd("0.00"));
    assertThat(LineShares.netByLine(facts(order("paid", "0.00", "0.00", 1)))).isEmpty();
  }

  private static BigDecimal bd(String text) {
    return new BigDecimal(text);
  }

  @Test
  void linesArriveInAnyOrder() {
    OrderFacts lineFirst =
        OrderFacts.empty()
            .with(OrderEvent.of(line(2, 102, 1, "4.00", "goods"), 12, false))
            .with(OrderEvent.of(line(1, 101, 1, "6.00", "goods"), 11, false))
            .with(OrderEvent.of(order("paid", "10.00", "10.00", 2), 10, false));
    assertThat(List.copyOf(LineShares.netByLine(lineFirst).keySet())).containsExactly(1, 2);
    assertThat(LineShares.netByLine(lineFirst).get(2)).isEqualByComparingTo("4.00");
  }
}
