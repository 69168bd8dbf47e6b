package io.chainstore.oltp.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TendersTest {

  private static PayRequest.Tender tender(String method, String amount, String tendered) {
    return new PayRequest.Tender(
        method, new BigDecimal(amount), tendered == null ? null : new BigDecimal(tendered), null);
  }

  private static String refusal(BigDecimal due, PayRequest request) {
    try {
      Tenders.check(due, request, "card");
    } catch (ApiException e) {
      return e.status().value() + " " + e.field();
    }
    return "accepted";
  }

  @Test
  void splitTendersAddUpAndCashGivesChange() {
    List<Tenders.Checked> checked =
        Tenders.check(
            new BigDecimal("30.00"),
            new PayRequest(List.of(tender("card", "10.00", null), tender("cash", "20.00", "50"))),
            "card");
    assertThat(checked).extracting(Tenders.Checked::seq).containsExactly(1, 2);
    assertThat(checked.get(1).change()).isEqualByComparingTo("30.00");
    assertThat(checked.get(0).change()).isEqualByComparingTo("0");
  }

  @Test
  void withoutABodyOneTenderOfTheDefaultMethodAndNothingDueNoTender() {
    assertThat(Tenders.check(new BigDecimal("9.99"), null, "card"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.method()).isEqualTo("card");
              assertThat(t.amount()).isEqualByComparingTo("9.99");
            });
    assertThat(Tenders.check(new BigDecimal("0.00"), null, "card")).isEmpty();
  }

  @Test
  void refusesWrongSumsTenderedNonCashShortCashAndTendersForNothingDue() {
    BigDecimal due = new BigDecimal("10.00");
    assertThat(refusal(due, new PayRequest(List.of(tender("card", "9.99", null)))))
        .isEqualTo("422 payments");
    assertThat(refusal(due, new PayRequest(List.of(tender("card", "10.00", "10.00")))))
        .isEqualTo("422 payments[0].tendered");
    assertThat(refusal(due, new PayRequest(List.of(tender("cash", "10.00", "9.00")))))
        .isEqualTo("422 payments[0].tendered");
    assertThat(
            refusal(
                BigDecimal.ZERO.setScale(2), new PayRequest(List.of(tender("card", "1", null)))))
        .isEqualTo("422 payments");
    assertThatThrownBy(() -> Tenders.check(due, new PayRequest(List.of()), "card"))
        .isInstanceOf(ApiException.class);
  }
}
