package io.chainstore.streaming.transfers;

import io.chainstore.streaming.sink.TableRow;
import io.chainstore.streaming.transfers.SkuChange.Level;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per SKU: keeps its {@link SkuStock} and sends the suggestions it decides on; every change of a
 * location's stock or sales also writes that location's row of {@code stock_level} (side output).
 * The locations (store or warehouse, coordinates) are broadcast to every subtask.
 */
public class TransferPlanner
    extends KeyedBroadcastProcessFunction<Long, SkuChange, Place, TransferSuggestion> {

  public static final MapStateDescriptor<Long, Place> PLACES =
      new MapStateDescriptor<>("places", Types.LONG, TypeInformation.of(Place.class));

  public static final OutputTag<TableRow> STOCK_LEVELS =
      new OutputTag<>("stock-levels", TypeInformation.of(TableRow.class));

  private final ReplenishmentRules rules;
  private transient ValueState<SkuStock> stock;

  public TransferPlanner(ReplenishmentRules rules) {
    this.rules = rules;
  }

  @Override
  public void open(OpenContext context) {
    stock =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("sku-stock", TypeInformation.of(SkuStock.class)));
  }

  @Override
  public void processElement(
      SkuChange change, ReadOnlyContext ctx, Collector<TransferSuggestion> out) throws Exception {
    SkuStock stored = stock.value();
    SkuStock sku = stored == null ? new SkuStock() : stored;
    List<Long> touched = sku.apply(change, rules);
    if (touched.isEmpty()) {
      return;
    }
    ReadOnlyBroadcastState<Long, Place> places = ctx.getBroadcastState(PLACES);
    sku.decide(
            change.skuId(),
            touched,
            id -> place(places, id),
            rules,
            ctx.timerService().currentProcessingTime())
        .forEach(out::collect);
    stock.update(sku);
    if (change instanceof Level || change instanceof SkuChange.Sale) {
      long location =
          change instanceof Level level
              ? level.locationId()
              : ((SkuChange.Sale) change).locationId();
      Level level = sku.level(location);
      if (level != null) {
        ctx.output(STOCK_LEVELS, StockLevels.row(level, sku, rules));
      }
    }
  }

  private static Place place(ReadOnlyBroadcastState<Long, Place> places, long id) {
    try {
      return places.get(id);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void processBroadcastElement(Place place, Context ctx, Collector<TransferSuggestion> out)
      throws Exception {
    ctx.getBroadcastState(PLACES).put(place.id(), place);
  }
}
