package io.chainstore.demo.generate;

import java.util.List;

/**
 * The transactional tables the generated history fills, each with the columns it writes, in the
 * order they are loaded (a row's references come before it). {@link #REDEEMED} and {@link
 * #STOCK_SALES} are not tables but changes: coupons used by an order, applied to {@code coupons}
 * once the order exists; units sold of the last week, taken off {@code stock} as sales.
 */
enum HistoryTable {
  LOCATIONS(
      "locations",
      "id",
      "code",
      "name",
      "kind",
      "latitude",
      "longitude",
      "opening_hours",
      "time_zone",
      "created_at"),
  PRODUCTS("products", "id", "code", "name", "kind", "category", "created_at"),
  SKUS("skus", "id", "product_id", "code", "name", "barcode", "price", "created_at", "updated_at"),
  MEMBERS("members", "id", "name", "phone", "email", "store_id", "channel", "created_at"),
  CAMPAIGNS("campaigns", "id", "code", "name", "starts_at", "ends_at", "created_at"),
  COUPON_TEMPLATES(
      "coupon_templates",
      "id",
      "campaign_id",
      "code",
      "name",
      "discount_type",
      "amount_off",
      "min_spend",
      "channel_scope",
      "valid_from",
      "valid_to",
      "per_member_limit",
      "issued_count",
      "created_at"),
  COUPONS("coupons", "id", "template_id", "member_id", "code", "status", "batch", "issued_at"),
  ORDERS(
      "orders",
      "id",
      "store_id",
      "channel",
      "member_id",
      "status",
      "subtotal_amount",
      "member_discount",
      "coupon_id",
      "coupon_discount",
      "points_discount",
      "total_amount",
      "total_units",
      "refunded_amount",
      "returned_units",
      "created_at",
      "paid_at",
      "fulfilled_at",
      "completed_at",
      "cancelled_at",
      "updated_at"),
  ORDER_LINES(
      "order_lines",
      "order_id",
      "line_no",
      "sku_id",
      "quantity",
      "unit_price",
      "line_amount",
      "returned_quantity",
      "product_kind"),
  ORDER_PAYMENTS(
      "order_payments", "order_id", "seq", "method", "amount", "tendered", "change", "created_at"),
  ORDER_RETURNS("order_returns", "id", "order_id", "store_id", "refund_amount", "created_at"),
  ORDER_RETURN_LINES(
      "order_return_lines", "return_id", "line_no", "quantity", "refund_amount", "order_id"),
  REDEEMED("coupons", "id", "order_id", "redeemed_at"),
  STOCK("stock", "sku_id", "location_id", "on_hand", "reserved", "in_transit", "updated_at"),
  STOCK_SALES("stock", "sku_id", "location_id", "quantity"),
  KPI_TARGETS(
      "kpi_targets",
      "store_id",
      "period_type",
      "period_start",
      "net_sales",
      "orders",
      "new_members",
      "updated_at");

  private final String table;
  private final List<String> columns;

  HistoryTable(String table, String... columns) {
    this.table = table;
    this.columns = List.of(columns);
  }

  String table() {
    return table;
  }

  List<String> columns() {
    return columns;
  }
}
