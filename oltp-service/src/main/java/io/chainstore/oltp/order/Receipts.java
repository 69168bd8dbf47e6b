package io.chainstore.oltp.order;

import io.chainstore.oltp.catalog.ServiceSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/** Electronic receipts: as JSON for apps, as text for a till printer, as HTML for e-mail. */
@Component
class Receipts {

  /** A receipt line; {@code spec} says which combination of a service was bought. */
  @Schema(name = "ReceiptLine")
  record Line(
      String skuCode,
      String name,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      ServiceSpec spec) {

    Line(String skuCode, String name, int quantity, BigDecimal unitPrice, BigDecimal amount) {
      this(skuCode, name, quantity, unitPrice, amount, null);
    }
  }

  @Schema(name = "ReceiptTender")
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
            "SELECT k.code, k.name, l.quantity, l.unit_price, l.line_amount, s.area_tier,"
                + " s.duration_minutes, s.service_type FROM order_lines l"
                + " JOIN skus k ON k.id = l.sku_id LEFT JOIN service_specs s ON s.sku_id = l.sku_id"
                + " WHERE l.order_id = ? ORDER BY l.line_no",
            (rs, i) ->
                new Line(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getInt("quantity"),
                    rs.getBigDecimal("unit_price"),
                    rs.getBigDecimal("line_amount"),
                    rs.getString("area_tier") == null
                        ? null
                        : new ServiceSpec(
                            rs.getString("area_tier"),
                            rs.getInt("duration_minutes"),
                            rs.getString("service_type"))),
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

  /** One row under the items (subtotal, a discount, the total, a tender, change, a refund). */
  record Row(String label, String amount) {}

  /** The rows under the items, the same on paper and on screen. */
  static List<Row> totals(Receipt r) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("Subtotal", r.subtotal().toPlainString()));
    discount(rows, "Member discount", r.memberDiscount());
    discount(rows, "Coupon", r.couponDiscount());
    discount(rows, "Points", r.pointsDiscount());
    rows.add(new Row("TOTAL", r.total().toPlainString()));
    for (Tender t : r.payments()) {
      rows.add(
          new Row(
              "  " + t.method(),
              (t.tendered() != null ? t.tendered() : t.amount()).toPlainString()));
      if (t.change() != null && t.change().signum() > 0) {
        rows.add(new Row("  change", t.change().toPlainString()));
      }
    }
    if (r.refunded() != null && r.refunded().signum() > 0) {
      rows.add(new Row("Refunded", "-" + r.refunded().toPlainString()));
    }
    return rows;
  }

  private static void discount(List<Row> rows, String label, BigDecimal amount) {
    if (amount != null && amount.signum() > 0) {
      rows.add(new Row(label, "-" + amount.toPlainString()));
    }
  }

  /** What the footer says about the member, or null for a guest. */
  private static String memberNote(Receipt r) {
    if (r.memberCode() == null) {
      return null;
    }
    return "Member "
        + r.memberCode()
        + (r.pointsEarned() > 0 ? ", points earned " + r.pointsEarned() : "");
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
    for (Row row : totals(r)) {
      out.append(row(row.label(), row.amount()));
    }
    String member = memberNote(r);
    if (member != null) {
      out.append(member).append('\n');
    }
    return out.toString();
  }

  /** A self-contained page for e-mail or a browser's print dialog; every text is escaped. */
  static String html(Receipt r) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Receipt ")
        .append(r.orderId())
        .append("</title><style>")
        .append("body{font-family:monospace;max-width:24em;margin:auto}")
        .append("table{width:100%;border-collapse:collapse}td.n{text-align:right}")
        .append("tr.total td{font-weight:bold;border-top:1px solid}")
        .append("</style></head><body>\n");
    out.append("<h1>").append(escape(r.storeName())).append("</h1>\n");
    out.append("<p>Order ")
        .append(r.orderId())
        .append(" (")
        .append(escape(r.channel()))
        .append(")");
    if (r.paidAt() != null) {
      out.append("<br>").append(escape(r.paidAt().toString()));
    }
    out.append("</p>\n<table class=\"lines\">\n");
    for (Line line : r.lines()) {
      out.append("<tr><td>")
          .append(escape(line.name()))
          .append("<br>")
          .append(line.quantity())
          .append(" x ")
          .append(line.unitPrice().toPlainString())
          .append("</td><td class=\"n\">")
          .append(line.amount().toPlainString())
          .append("</td></tr>\n");
    }
    out.append("</table>\n<table class=\"totals\">\n");
    for (Row row : totals(r)) {
      out.append(row.label().equals("TOTAL") ? "<tr class=\"total\"><td>" : "<tr><td>")
          .append(escape(row.label().strip()))
          .append("</td><td class=\"n\">")
          .append(row.amount())
          .append("</td></tr>\n");
    }
    out.append("</table>\n");
    String member = memberNote(r);
    if (member != null) {
      out.append("<p>").append(escape(member)).append("</p>\n");
    }
    return out.append("</body></html>\n").toString();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
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
