package io.chainstore.oltp.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Electronic receipts: as JSON for apps, and as text for a till printer. */
@Component
class Receipts {

  record Line(String skuCode, String name, int quantity, BigDecimal unitPrice, BigDecimal amount) {}

  record Tender(String method, BigDecimal amount, BigDecimal tendered, BigDecimal change) {}

  record Receipt(
      long orderId,
      String storeCode,
      String storeName,
      String channel,
      String status,
      OffsetDateTime paidAt,
      String memberCode,
      List<Line> lines,
      BigDecimal subtotal,
      BigDecimal memberDiscount,
      BigDecimal couponDiscount,
      BigDecimal pointsDiscount,
      BigDecimal total,
      BigDecimal refunded,
      List<Tender> payments,
      int pointsEarned) {}

  private final JdbcTemplate jdbc;

  Receipts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  Receipt receipt(Order order) {
    var store = jdbc.queryForMap("SELECT code, name FROM locations WHERE id = ?", order.storeId());
    String memberCode =
        order.memberId() == null
            ? null
            : jdbc.queryForObject(
                "SELECT code FROM members WHERE id = ?", String.class, order.memberId());
    List<Line> lines =
        jdbc.query(
            "SELECT k.code, k.name, l.quantity, l.unit_price, l.line_amount FROM order_lines l"
                + " JOIN skus k ON k.id = l.sku_id WHERE l.order_id = ? ORDER BY l.line_no",
            (rs, i) ->
                new Line(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getInt("quantity"),
                    rs.getBigDecimal("unit_price"),
                    rs.getBigDecimal("line_amount")),
            order.id());
    List<Tender> payments =
        jdbc.query(
            "SELECT method, amount, tendered, change FROM order_payments WHERE order_id = ? ORDER BY seq",
            (rs, i) ->
                new Tender(
                    rs.getString("method"),
                    rs.getBigDecimal("amount"),
                    rs.getBigDecimal("tendered"),
                    rs.getBigDecimal("change")),
            order.id());
    return new Receipt(
        order.id(),
        (String) store.get("code"),
        (String) store.get("name"),
        order.channel().code(),
        order.status().code(),
        order.paidAt(),
        memberCode,
        lines,
        order.subtotalAmount(),
        order.memberDiscount(),
        order.couponDiscount(),
        order.pointsDiscount(),
        order.totalAmount(),
        order.refundedAmount(),
        payments,
        order.pointsEarned());
  }

  /** 40 columns, as till printers print. */
  static String print(Receipt r) {
    StringBuilder out = new StringBuilder();
    out.append(center(r.storeName())).append('\n');
    out.append(center("Order " + r.orderId() + " (" + r.channel() + ")")).append('\n');
    if (r.paidAt() != null) {
      out.append(center(r.paidAt().toString())).append('\n');
    }
    out.append("-".repeat(40)).append('\n');
    for (Line line : r.lines()) {
      out.append(row(truncate(line.name(), 28), line.amount().toPlainString()));
      out.append("  ")
          .append(line.quantity())
          .append(" x ")
          .append(line.unitPrice().toPlainString())
          .append('\n');
    }
    out.append("-".repeat(40)).append('\n');
    out.append(row("Subtotal", r.subtotal().toPlainString()));
    discount(out, "Member discount", r.memberDiscount());
    discount(out, "Coupon", r.couponDiscount());
    discount(out, "Points", r.pointsDiscount());
    out.append(row("TOTAL", r.total().toPlainString()));
    for (Tender t : r.payments()) {
      out.append(
          row(
              "  " + t.method(),
              (t.tendered() != null ? t.tendered() : t.amount()).toPlainString()));
      if (t.change() != null && t.change().signum() > 0) {
        out.append(row("  change", t.change().toPlainString()));
      }
    }
    if (r.refunded() != null && r.refunded().signum() > 0) {
      out.append(row("Refunded", "-" + r.refunded().toPlainString()));
    }
    if (r.memberCode() != null) {
      out.append("Member ").append(r.memberCode());
      if (r.pointsEarned() > 0) {
        out.append(", points earned ").append(r.pointsEarned());
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void discount(StringBuilder out, String label, BigDecimal amount) {
    if (amount != null && amount.signum() > 0) {
      out.append(row(label, "-" + amount.toPlainString()));
    }
  }

  private static String row(String left, String right) {
    int gap = Math.max(1, 40 - left.length() - right.length());
    return left + " ".repeat(gap) + right + "\n";
  }

  private static String center(String text) {
    String t = truncate(text, 40);
    return " ".repeat((40 - t.length()) / 2) + t;
  }

  private static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
