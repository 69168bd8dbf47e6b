package io.chainstore.streaming.transfers;

import io.chainstore.streaming.sink.TableRow;
import io.chainstore.streaming.transfers.SkuChange.Level;
import java.util.Arrays;
import java.util.List;

/** The {@code stock_level} table: each location's stock of a SKU now, with its cover figures. */
public final class StockLevels {

  public static final String TABLE = "stock_level";

  public static final List<String> COLUMNS =
      List.of(
          "sku_id",
          "location_id",
          "on_hand",
          "reserved",
          "in_transit",
          "velocity_per_day",
          "reorder_point",
          "version",
          "updated_at");

  private StockLevels() {}

  static TableRow row(Level level, SkuStock sku, ReplenishmentRules rules) {
    double velocity = sku.velocity(level.locationId(), rules);
    return new TableRow(
        TABLE,
        level.skuId() + "|" + level.locationId(),
        Arrays.asList(
            level.skuId(),
            level.locationId(),
            level.onHand(),
            level.reserved(),
            level.inTransit(),
            TransferSuggestion.decimal(velocity, 3),
            rules.reorderPoint(velocity),
            sku.version(level.locationId())));
  }
}
