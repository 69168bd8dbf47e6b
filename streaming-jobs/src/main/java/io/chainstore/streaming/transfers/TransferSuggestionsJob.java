package io.chainstore.streaming.transfers;

import io.chainstore.streaming.Endpoints;
import io.chainstore.streaming.JobOptions;
import io.chainstore.streaming.cdc.ChangeDecoder;
import io.chainstore.streaming.cdc.Columns;
import io.chainstore.streaming.mirror.Mirrors;
import io.chainstore.streaming.sink.TableRow;
import io.chainstore.streaming.sink.TableRowFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * stock-transfer-suggestions: stock rows, sales and the service's suggested transfers, per SKU →
 * transfer suggestions to the service's topic (it keeps one per suggestion and at most one live per
 * SKU and store); each location's stock and cover to {@code stock_level}; the service's suggestions
 * copied to {@code transfer_suggestion}. This class only wires.
 */
public final class TransferSuggestionsJob {

  public static final String NAME = "stock-transfer-suggestions";
  public static final String DEFAULT_TOPIC = "chainstore.transfer-suggestions";

  private TransferSuggestionsJob() {}

  /** Where the job reads and writes. */
  public record Connections(
      Source<SkuChange, ?, ?> changes,
      Source<Place, ?, ?> places,
      Source<TableRow, ?, ?> mirrored,
      Sink<TransferSuggestion> suggestions,
      Sink<TableRow> tables) {}

  public static void build(
      StreamExecutionEnvironment env, Connections io, ReplenishmentRules rules) {
    SingleOutputStreamOperator<TransferSuggestion> planned =
        env.fromSource(io.changes(), WatermarkStrategy.noWatermarks(), "transfer-stock-changes")
            .uid("transfer-stock-changes")
            .keyBy(SkuChange::skuId)
            .connect(
                env.fromSource(io.places(), WatermarkStrategy.noWatermarks(), "transfer-places")
                    .uid("transfer-places")
                    .broadcast(TransferPlanner.PLACES))
            .process(new TransferPlanner(rules), TypeInformation.of(TransferSuggestion.class))
            .uid("transfer-planner")
            .name("transfer-planner");
    planned.sinkTo(io.suggestions()).uid("transfer-suggestion-sink").name("suggestion-sink");
    planned
        .getSideOutput(TransferPlanner.STOCK_LEVELS)
        .union(
            env.fromSource(
                    io.mirrored(), WatermarkStrategy.noWatermarks(), "transfer-mirrored-changes")
                .uid("transfer-mirrored-changes"))
        .sinkTo(io.tables())
        .uid("transfer-table-sink")
        .name("transfer-table-sink");
  }

  /** Stock rows, sales out of stock and the service's suggestions, as changes of one SKU. */
  static final ChangeDecoder<SkuChange> CHANGES =
      (table, event) -> {
        var row = event.row();
        return switch (table) {
          case "stock" ->
              event.deleted()
                  ? null
                  : new SkuChange.Level(
                      Columns.longValue(row, "sku_id"),
                      Columns.longValue(row, "location_id"),
                      Columns.intValue(row, "on_hand", 0),
                      Columns.intValue(row, "reserved", 0),
                      Columns.intValue(row, "in_transit", 0),
                      event.lsn(),
                      event.commitMillis());
          case "stock_movements" -> {
            int change = Columns.intValue(row, "on_hand_change", 0);
            yield event.deleted() || !"sale".equals(Columns.text(row, "reason")) || change >= 0
                ? null
                : new SkuChange.Sale(
                    Columns.longValue(row, "sku_id"),
                    Columns.longValue(row, "location_id"),
                    -change,
                    Columns.longValue(row, "id"),
                    event.lsn(),
                    // Sales count when they happened, also those read in the snapshot.
                    Columns.instant(row, "created_at").toEpochMilli());
          }
          case "suggested_transfers" ->
              new SkuChange.Suggestion(
                  Columns.text(row, "id"),
                  Columns.longValue(row, "sku_id"),
                  Columns.longValue(row, "from_location_id"),
                  Columns.longValue(row, "to_location_id"),
                  Columns.intValue(row, "quantity", 0),
                  Columns.text(row, "status"),
                  event.deleted(),
                  event.lsn(),
                  event.commitMillis());
          default -> null;
        };
      };

  /** Stores and warehouses; a supplier's own warehouse is neither a donor nor a receiver. */
  static final ChangeDecoder<Place> PLACES =
      (table, event) ->
          event.deleted() || "supplier".equals(Columns.text(event.row(), "kind"))
              ? null
              : Place.from(event.row());

  public static Connections connections(JobOptions options) {
    Endpoints io = Endpoints.of(options, NAME);
    Map<String, List<String>> tables = new HashMap<>(Mirrors.COLUMNS);
    tables.put(StockLevels.TABLE, StockLevels.COLUMNS);
    return new Connections(
        io.changes(
            List.of("stock", "stock_movements", "suggested_transfers"), CHANGES, SkuChange.class),
        io.changes(List.of("locations"), PLACES, Place.class),
        io.changes(Mirrors.sources(Mirrors.TRANSFER_TABLES), Mirrors.DECODER, TableRow.class),
        KafkaSink.<TransferSuggestion>builder()
            .setBootstrapServers(io.kafkaBootstrapServers())
            // The service keeps one row per suggestion id, so a repeat after a restore is harmless.
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .setRecordSerializer(
                new SuggestionRecords(options.get("suggestions-topic", DEFAULT_TOPIC)))
            .build(),
        io.sink(new TableRowFormat(tables)));
  }

  /** The rules as the options say; each defaults to {@link ReplenishmentRules#defaults()}. */
  public static ReplenishmentRules rules(JobOptions options) {
    ReplenishmentRules d = ReplenishmentRules.defaults();
    return new ReplenishmentRules(
        Double.parseDouble(options.get("velocity-days", Double.toString(d.velocityDays()))),
        Double.parseDouble(options.get("lead-days", Double.toString(d.leadDays()))),
        Double.parseDouble(options.get("cover-days", Double.toString(d.coverDays()))),
        (int) options.getLong("safety-units", d.safetyUnits()),
        (int) options.getLong("warehouse-keep-units", d.warehouseKeepUnits()),
        Duration.ofMillis(options.getLong("confirm-timeout-ms", d.confirmTimeout().toMillis())),
        Duration.ofMillis(
            options.getLong("rejected-cooldown-ms", d.rejectedCooldown().toMillis())));
  }

  /** The pipeline as its options say. */
  public static void build(StreamExecutionEnvironment env, JobOptions options) {
    build(env, connections(options), rules(options));
  }
}
