package io.chainstore.oltp.order;

import io.chainstore.oltp.web.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The payment rules of the chain, in one place for everything that is paid (POS and online orders,
 * repair work orders): the tenders must add up to the amount due, only cash is tendered and never
 * below its amount, the difference is the change; nothing due is paid without tenders.
 */
public final class Tenders {

  private Tenders() {}

  /** A tender as it is stored: its position (from 1), method, amount, cash handed over, change. */
  public record Checked(
      int seq,
      String method,
      BigDecimal amount,
      BigDecimal tendered,
      BigDecimal change,
      String reference) {}

  /**
   * The tenders of {@code request} checked against {@code due}; without a request, one tender of
   * {@code defaultMethod} for the whole amount (none when nothing is due). Refuses with 422 naming
   * {@code payments} or {@code payments[i].tendered}.
   */
  public static List<Checked> check(BigDecimal due, PayRequest request, String defaultMethod) {
    boolean nothingDue = due.signum() == 0;
    if (nothingDue && request != null) {
      throw ApiException.unprocessable(
          "payments", "nothing is due on this order: pay it without a body and without tenders");
    }
    List<PayRequest.Tender> tenders =
        request != null
            ? request.payments()
            : nothingDue
                ? List.of()
                : List.of(new PayRequest.Tender(defaultMethod, due, null, null));
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < tenders.size(); i++) {
      PayRequest.Tender tender = tenders.get(i);
      sum = sum.add(tender.amount());
      if (tender.tendered() != null) {
        if (!"cash".equals(tender.method())) {
          throw ApiException.unprocessable("payments[" + i + "].tendered", "only cash is tendered");
        }
        if (tender.tendered().compareTo(tender.amount()) < 0) {
          throw ApiException.unprocessable("payments[" + i + "].tendered", "less than the amount");
        }
      }
    }
    if (sum.compareTo(due) != 0) {
      throw ApiException.unprocessable(
          "payments",
          "the tenders add up to " + sum.toPlainString() + ", the total is " + due.toPlainString());
    }
    List<Checked> out = new ArrayList<>();
    for (int i = 0; i < tenders.size(); i++) {
      PayRequest.Tender tender = tenders.get(i);
      BigDecimal change =
          tender.tendered() == null ? BigDecimal.ZERO : tender.tendered().subtract(tender.amount());
      out.add(
          new Checked(
              i + 1,
              tender.method(),
              tender.amount(),
              tender.tendered(),
              change,
              tender.reference()));
    }
    return out;
  }
}
