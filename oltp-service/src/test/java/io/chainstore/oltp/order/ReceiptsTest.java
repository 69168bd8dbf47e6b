package io.chainstore.oltp.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptsTest {

  private static final Receipts.Receipt RECEIPT =
      new Receipts.Receipt(
          42,
          "S001",
          "Corner <Shop> & Co",
          "pos",
          "paid",
          OffsetDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneOffset.UTC),
          "M000007",
          List.of(
              new Receipts.Line(
                  "SKU-1", "Tea \"Earl Grey\"", 2, new BigDecimal("3.50"), new BigDecimal("7.00"))),
          new BigDecimal("7.00"),
          new BigDecimal("0.35"),
          BigDecimal.ZERO.setScale(2),
          new BigDecimal("1.00"),
          new BigDecimal("5.65"),
          BigDecimal.ZERO.setScale(2),
          List.of(
              new Receipts.Tender(
                  "cash", new BigDecimal("5.65"), new BigDecimal("10.00"), new BigDecimal("4.35"))),
          5);

  @Test
  void rowsUnderTheItemsListOnlyTheDiscountsGivenThenTotalThenTenders() {
    assertThat(Receipts.totals(RECEIPT))
        .extracting(Receipts.Row::label, Receipts.Row::amount)
        .containsExactly(
            tuple("Subtotal", "7.00"),
            tuple("Member discount", "-0.35"),
            tuple("Points", "-1.00"),
            tuple("TOTAL", "5.65"),
            tuple("  cash", "10.00"),
            tuple("  change", "4.35"));
  }

  @Test
  void htmlEscapesEveryTextAndShowsTheSameFiguresAsThePrintout() {
    String html = Receipts.html(RECEIPT);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("Corner &lt;Shop&gt; &amp; Co")
        .contains("Tea &quot;Earl Grey&quot;")
        .doesNotContain("<Shop>")
        .contains("<tr class=\"total\"><td>TOTAL</td><td class=\"n\">5.65</td></tr>")
        .contains("change</td><td class=\"n\">4.35")
        .contains("Member M000007, points earned 5");
    String text = Receipts.print(RECEIPT);
    for (Receipts.Row row : Receipts.totals(RECEIPT)) {
      assertThat(text).contains(row.amount());
      assertThat(html).contains(row.amount());
    }
  }
}
