package io.chainstore.streaming.mirror;

import static io.chainstore.streaming.mirror.MirroredTable.column;
import static io.chainstore.streaming.mirror.MirroredTable.key;

import io.chainstore.streaming.cdc.ChangeDecoder;
import io.chainstore.streaming.mirror.MirroredTable.Type;
import io.chainstore.streaming.sink.RowFormat;
import io.chainstore.streaming.sink.TableRow;
import io.chainstore.streaming.sink.TableRowFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The transactional tables copied to ClickHouse as they are (dimensions the reports join, and the
 * targets): the one place that says which, and how.
 */
public final class Mirrors {

  /** The dimensions and targets the store KPI views join. */
  public static final List<MirroredTable> STORE_TABLES =
      List.of(
          new MirroredTable(
              "locations",
              "store_dim",
              List.of(
                  key("id", "store_id"),
                  column("code", Type.TEXT),
                  column("name", Type.TEXT),
                  column("kind", Type.TEXT),
                  column("time_zone", Type.TEXT),
                  column("latitude", Type.DECIMAL),
                  column("longitude", Type.DECIMAL))),
          new MirroredTable(
              "products",
              "product_dim",
              List.of(
                  key("id", "product_id"),
                  column("code", Type.TEXT),
                  column("name", Type.TEXT),
                  column("kind", Type.TEXT),
                  column("category", Type.TEXT))),
          new MirroredTable(
              "skus",
              "sku_dim",
              List.of(
                  key("id", "sku_id"),
                  column("product_id", Type.INT),
                  column("code", Type.TEXT),
                  column("name", Type.TEXT),
                  column("barcode", Type.TEXT),
                  column("price", Type.DECIMAL))),
          new MirroredTable(
              "kpi_targets",
              "kpi_target",
              List.of(
                  key("store_id", "store_id"),
                  new MirroredTable.Column("period_type", "period_type", Type.TEXT, true),
                  new MirroredTable.Column("period_start", "period_start", Type.DATE, true),
                  column("net_sales", Type.DECIMAL),
                  column("orders", Type.INT),
                  column("new_members", Type.INT))));

  /** The campaigns and coupon templates the marketing views join. */
  public static final List<MirroredTable> MARKETING_TABLES =
      List.of(
          new MirroredTable(
              "campaigns",
              "campaign_dim",
              List.of(
                  key("id", "campaign_id"),
                  column("code", Type.TEXT),
                  column("name", Type.TEXT),
                  column("starts_at", Type.DATE_TIME),
                  column("ends_at", Type.DATE_TIME))),
          new MirroredTable(
              "coupon_templates",
              "coupon_template_dim",
              List.of(
                  key("id", "template_id"),
                  column("campaign_id", Type.INT),
                  column("code", Type.TEXT),
                  column("name", Type.TEXT),
                  column("discount_type", Type.TEXT),
                  column("amount_off", Type.DECIMAL),
                  column("percent_off", Type.DECIMAL),
                  column("channel_scope", Type.TEXT),
                  column("valid_from", Type.DATE_TIME),
                  column("valid_to", Type.DATE_TIME))),
          // Referral commissions are a marketing cost: of the campaign whose rate plan booked them.
          new MirroredTable(
              "referral_rate_plans",
              "referral_rate_plan_dim",
              List.of(
                  key("id", "rate_plan_id"),
                  column("campaign_id", Type.INT),
                  column("level1_percent", Type.DECIMAL),
                  column("level2_percent", Type.DECIMAL),
                  column("level3_percent", Type.DECIMAL),
                  column("valid_from", Type.DATE_TIME),
                  column("valid_to", Type.DATE_TIME))),
          new MirroredTable(
              "referral_commissions",
              "referral_commission",
              List.of(
                  key("id", "commission_id"),
                  column("order_id", Type.INT),
                  column("line_no", Type.INT),
                  column("level", Type.INT),
                  column("member_id", Type.INT),
                  column("rate_plan_id", Type.INT),
                  column("amount", Type.DECIMAL),
                  column("reversed_amount", Type.DECIMAL),
                  column("status", Type.TEXT),
                  column("created_at", Type.DATE_TIME))));

  /** The suggested transfers as the transactional service holds them (status and decision). */
  public static final List<MirroredTable> TRANSFER_TABLES =
      List.of(
          new MirroredTable(
              "suggested_transfers",
              "transfer_suggestion",
              List.of(
                  new MirroredTable.Column("id", "suggestion_id", Type.TEXT, true),
                  column("sku_id", Type.INT),
                  column("from_location_id", Type.INT),
                  column("to_location_id", Type.INT),
                  column("quantity", Type.INT),
                  column("reorder_point", Type.INT),
                  column("position", Type.INT),
                  column("velocity_per_day", Type.DECIMAL),
                  column("days_of_cover", Type.DECIMAL),
                  column("reason", Type.TEXT),
                  column("based_on_lsn", Type.INT),
                  column("suggested_at", Type.DATE_TIME),
                  column("status", Type.TEXT),
                  column("transfer_id", Type.INT),
                  column("decided_at", Type.DATE_TIME))));

  /** Every copied table. */
  public static final List<MirroredTable> TABLES =
      java.util.stream.Stream.of(STORE_TABLES, MARKETING_TABLES, TRANSFER_TABLES)
          .flatMap(List::stream)
          .toList();

  private static final Map<String, MirroredTable> BY_SOURCE =
      TABLES.stream().collect(Collectors.toMap(MirroredTable::source, Function.identity()));

  private Mirrors() {}

  public static List<String> sources(List<MirroredTable> tables) {
    return tables.stream().map(MirroredTable::source).toList();
  }

  /** Change events of the mirrored tables as rows to write. */
  public static final ChangeDecoder<TableRow> DECODER =
      (table, event) -> {
        MirroredTable mirror = BY_SOURCE.get(table);
        if (mirror == null) {
          return null;
        }
        return new TableRow(
            mirror.target(),
            mirror.id(event.row()),
            mirror.values(event.row(), event.lsn(), event.deleted()));
      };

  /** The ClickHouse columns of every copy, by table. */
  public static final Map<String, List<String>> COLUMNS =
      TABLES.stream()
          .collect(Collectors.toMap(MirroredTable::target, MirroredTable::targetColumns));

  public static final RowFormat<TableRow> FORMAT = new TableRowFormat(COLUMNS);
}
