package io.chainstore.batch.segment;

import org.springframework.batch.item.file.transform.LineAggregator;

/** RFC 4180 lines: fields with commas, quotes or line breaks are quoted. */
final class CsvLine implements LineAggregator<SegmentMember> {

  static final String HEADER =
      "member_id,name,phone,email,total_spend,order_count,last_order_date,rfm,tags";

  @Override
  public String aggregate(SegmentMember m) {
    return String.join(
        ",",
        Long.toString(m.memberId()),
        quote(m.name()),
        quote(m.phone()),
        quote(m.email()),
        m.totalSpend().toPlainString(),
        Long.toString(m.orderCount()),
        m.lastOrderDate() == null ? "" : m.lastOrderDate(),
        m.rfm(),
        quote(m.tags()));
  }

  static String quote(String field) {
    if (field == null) {
      return "";
    }
    if (field.contains(",")
        || field.contains("\"")
        || field.contains("\n")
        || field.contains("\r")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }
}
