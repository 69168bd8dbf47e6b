package io.chainstore.oltp.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteTest {

  private static WorkOrder.Line part(String amount) {
    return new WorkOrder.Line(
        1, "part", 1L, 1, new BigDecimal(amount), null, null, null, new BigDecimal(amount), 2);
  }

  private static WorkOrder.Line labour(String amount) {
    return new WorkOrder.Line(
        2, "labour", null, null, null, "work", null, null, new BigDecimal(amount), 2);
  }

  @Test
  void partsAreUnitPriceTimesQuantityExactly() {
    // 0.10 * 3 is 0.30000000000000004 in double; here exactly 0.30.
    assertThat(Quote.partAmount(new BigDecimal("0.10"), 3)).isEqualTo(new BigDecimal("0.30"));
    assertThat(Quote.partAmount(new BigDecimal("19.99"), 7)).isEqualTo(new BigDecimal("139.93"));
  }

  @Test
  void labourIsAFixedAmountOrHoursAtARateRoundedHalfEvenToTheCent() {
    assertThat(Quote.labourAmount(new BigDecimal("45"), null, null))
        .isEqualTo(new BigDecimal("45.00"));
    // 1.25 h at 33.33 = 41.6625 -> 41.66; 0.50 h at 0.05 = 0.025 -> 0.02 (half even, not 0.03).
    assertThat(Quote.labourAmount(null, new BigDecimal("1.25"), new BigDecimal("33.33")))
        .isEqualTo(new BigDecimal("41.66"));
    assertThat(Quote.labourAmount(null, new BigDecimal("0.50"), new BigDecimal("0.05")))
        .isEqualTo(new BigDecimal("0.02"));
    assertThat(Quote.labourAmount(null, new BigDecimal("0.50"), new BigDecimal("0.07")))
        .isEqualTo(new BigDecimal("0.04"));
  }

  @Test
  void totalsSeparatePartsFromLabourAndAddUpExactly() {
    Quote.Totals totals =
        Quote.totals(List.of(part("0.10"), part("0.20"), labour("41.66"), labour("0.01")));
    assertThat(totals.parts()).isEqualTo(new BigDecimal("0.30"));
    assertThat(totals.labour()).isEqualTo(new BigDecimal("41.67"));
    assertThat(totals.total()).isEqualTo(new BigDecimal("41.97"));
    assertThat(Quote.totals(List.of()).total()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void aChangeMakesANewVersionAndAConfirmedQuoteOpenAgain() {
    assertThat(Quote.change(1, WorkOrderStatus.OPEN, 1))
        .isEqualTo(new Quote.Changed(WorkOrderStatus.OPEN, 2));
    assertThat(Quote.change(1, WorkOrderStatus.CONFIRMED, 4))
        .isEqualTo(new Quote.Changed(WorkOrderStatus.OPEN, 5));
  }

  @Test
  void noChangeOncePaidCompletedOrCancelled() {
    for (WorkOrderStatus status :
        List.of(WorkOrderStatus.PAID, WorkOrderStatus.COMPLETED, WorkOrderStatus.CANCELLED)) {
      assertThatThrownBy(() -> Quote.change(9, status, 3))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining(status.code())
          .extracting(e -> ((ApiException) e).field())
          .isEqualTo("status");
    }
  }
}
