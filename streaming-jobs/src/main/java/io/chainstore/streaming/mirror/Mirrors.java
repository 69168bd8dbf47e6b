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
                  column("valid_to", Type.DATE_TIME))));

  /** Every copied table. */
  public static final List<MirroredTable> TABLES =
      java.util.stream.Stream.concat(STORE_TABLES.stream(), MARKETING_TABLES.stream()).toList();

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

  public static final RowFormat<TableRow> FORMAT =
      new TableRowFormat(
          TABLES.stream()
              .collect(Collectors.toMap(MirroredTable::target, MirroredTable::targetColumns)));
}
