package io.chainstore.streaming.kpi;

import io.chainstore.streaming.Endpoints;
import io.chainstore.streaming.JobOptions;
import io.chainstore.streaming.aggregate.RunningTotals;
import io.chainstore.streaming.aggregate.StoreTotals;
import io.chainstore.streaming.cdc.ChangeDecoder;
import io.chainstore.streaming.members.MemberEvent;
import io.chainstore.streaming.members.MemberRow;
import io.chainstore.streaming.mirror.Mirrors;
import io.chainstore.streaming.repairs.WorkOrderEvent;
import io.chainstore.streaming.repairs.WorkOrderLineRow;
import io.chainstore.streaming.repairs.WorkOrderRow;
import io.chainstore.streaming.sales.OrderEvent;
import io.chainstore.streaming.sales.OrderLineRow;
import io.chainstore.streaming.sales.OrderRow;
import io.chainstore.streaming.sales.ReturnLineRow;
import io.chainstore.streaming.sink.TableRow;
import io.chainstore.streaming.stores.LocationRow;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.OutputTag;

/**
 * store-kpis: the changes of orders, their lines and returns, repairs on site (work orders and
 * their lines), members and locations → per store, channel and bucket (UTC minute, local hour,
 * local business day) the KPIs; per store, SKU and business day the product ranking, and per SKU
 * and business day the chain's; and copies of the dimensions and targets the reports join. This
 * class only wires; the logic is in the functions it names.
 */
public final class StoreKpisJob {

  public static final String NAME = "store-kpis";

  /** The tables whose changes the job reads. */
  public static final List<String> SALES_TABLES =
      List.of("orders", "order_lines", "order_return_lines");

  /** The tables of repairs on site, which sell parts and labour outside orders. */
  public static final List<String> REPAIR_TABLES = List.of("work_orders", "work_order_lines");

  private StoreKpisJob() {}

  /** Where the job reads and writes; tests pass their own. */
  public record Connections(
      Source<OrderEvent, ?, ?> sales,
      Source<WorkOrderEvent, ?, ?> repairs,
      Source<LocationRow, ?, ?> locations,
      Source<MemberEvent, ?, ?> members,
      Source<TableRow, ?, ?> mirrored,
      Sink<KpiRow> storeKpis,
      Sink<SkuDayRow> skuSales,
      Sink<ChainSkuDayRow> chainSkuSales,
      Sink<TableRow> mirrors) {}

  /** Declares the pipeline; {@code chainZone} is the time zone of what belongs to no store. */
  public static void build(StreamExecutionEnvironment env, Connections io, String chainZone) {
    KeyedStream<LocationRow, Long> locations =
        env.fromSource(io.locations(), WatermarkStrategy.noWatermarks(), "location-changes")
            .uid("location-changes")
            .keyBy(LocationRow::locationId);

    SingleOutputStreamOperator<StoreDelta> sales =
        env.fromSource(io.sales(), WatermarkStrategy.noWatermarks(), "sales-changes")
            .uid("sales-changes")
            .keyBy(OrderEvent::orderId)
            .transform(
                "sale-contributions", TypeInformation.of(StoreDelta.class), new SaleContributions())
            .uid("sale-contributions");
    SingleOutputStreamOperator<StoreDelta> repairs =
        env.fromSource(io.repairs(), WatermarkStrategy.noWatermarks(), "repair-changes")
            .uid("repair-changes")
            .keyBy(WorkOrderEvent::workOrderId)
            .process(new RepairContributions())
            .uid("repair-contributions")
            .name("repair-contributions");
    DataStream<StoreDelta> signups =
        env.fromSource(io.members(), WatermarkStrategy.noWatermarks(), "member-changes")
            .uid("member-changes")
            .keyBy(event -> event.member().memberId())
            .process(new MemberSignups())
            .uid("member-signups")
            .name("member-signups");

    sales
        .union(repairs, signups)
        .keyBy(StoreDelta::storeId)
        .connect(locations)
        .transform(
            "store-kpi-totals",
            TypeInformation.of(KpiRow.class),
            new StoreTotals<>(
                KpiBuckets::storeRows,
                TypeInformation.of(StoreDelta.class),
                TypeInformation.of(KpiRow.class),
                chainZone))
        .uid("store-kpi-totals")
        .sinkTo(io.storeKpis())
        .uid("store-kpi-sink")
        .name("store-kpi-sink");

    StoreTotals<SkuDelta, SkuDayRow> skuTotals =
        new StoreTotals<>(
            KpiBuckets::skuRows,
            TypeInformation.of(SkuDelta.class),
            TypeInformation.of(SkuDayRow.class),
            chainZone);
    skuTotals.withChanges(SKU_DAY_CHANGES);
    SingleOutputStreamOperator<SkuDayRow> skuSales =
        sales
            .getSideOutput(SaleContributions.SKU_DELTAS)
            .union(repairs.getSideOutput(SaleContributions.SKU_DELTAS))
            .keyBy(SkuDelta::storeId)
            .connect(locations)
            .transform("sku-sales-totals", TypeInformation.of(SkuDayRow.class), skuTotals)
            .uid("sku-sales-totals");
    skuSales.sinkTo(io.skuSales()).uid("sku-sales-sink").name("sku-sales-sink");

    skuSales
        .getSideOutput(SKU_DAY_CHANGES)
        .map(ChainSkuDayRow::of)
        .uid("chain-sku-changes")
        .name("chain-sku-changes")
        .keyBy(ChainSkuDayRow::id)
        .transform(
            "chain-sku-totals",
            TypeInformation.of(ChainSkuDayRow.class),
            new RunningTotals<>(TypeInformation.of(ChainSkuDayRow.class)))
        .uid("chain-sku-totals")
        .sinkTo(io.chainSkuSales())
        .uid("chain-sku-sales-sink")
        .name("chain-sku-sales-sink");

    env.fromSource(io.mirrored(), WatermarkStrategy.noWatermarks(), "mirrored-changes")
        .uid("mirrored-changes")
        .sinkTo(io.mirrors())
        .uid("mirror-sink")
        .name("mirror-sink");
  }

  /** What each batch adds to a store's SKU-day rows, for the chain's totals. */
  static final OutputTag<SkuDayRow> SKU_DAY_CHANGES =
      new OutputTag<>("sku-day-changes", TypeInformation.of(SkuDayRow.class));

  /** The change events of the sales tables, as order events. */
  static final ChangeDecoder<OrderEvent> SALES =
      (table, event) ->
          switch (table) {
            case "orders" ->
                OrderEvent.of(OrderRow.from(event.row()), event.lsn(), event.deleted());
            case "order_lines" ->
                OrderEvent.of(OrderLineRow.from(event.row()), event.lsn(), event.deleted());
            case "order_return_lines" ->
                OrderEvent.of(ReturnLineRow.from(event.row()), event.lsn(), event.deleted());
            default -> null;
          };

  static final ChangeDecoder<WorkOrderEvent> REPAIRS =
      (table, event) ->
          switch (table) {
            case "work_orders" ->
                WorkOrderEvent.of(WorkOrderRow.from(event.row()), event.lsn(), event.deleted());
            case "work_order_lines" ->
                WorkOrderEvent.of(WorkOrderLineRow.from(event.row()), event.lsn(), event.deleted());
            default -> null;
          };

  static final ChangeDecoder<LocationRow> LOCATIONS =
      (table, event) -> event.deleted() ? null : LocationRow.from(event.row());

  static final ChangeDecoder<MemberEvent> MEMBERS =
      (table, event) -> new MemberEvent(MemberRow.from(event.row()), event.lsn(), event.deleted());

  /** The job's connections to Kafka and ClickHouse from its options. */
  public static Connections connections(JobOptions options) {
    Endpoints io = Endpoints.of(options, NAME);
    return new Connections(
        io.changes(SALES_TABLES, SALES, OrderEvent.class),
        io.changes(REPAIR_TABLES, REPAIRS, WorkOrderEvent.class),
        io.changes(List.of("locations"), LOCATIONS, LocationRow.class),
        io.changes(List.of("members"), MEMBERS, MemberEvent.class),
        io.changes(Mirrors.sources(Mirrors.STORE_TABLES), Mirrors.DECODER, TableRow.class),
        io.sink(KpiFormats.STORE_KPI),
        io.sink(KpiFormats.SKU_SALES),
        io.sink(KpiFormats.SKU_CHAIN_SALES),
        io.sink(Mirrors.FORMAT));
  }

  /** The pipeline as its options say. */
  public static void build(StreamExecutionEnvironment env, JobOptions options) {
    build(env, connections(options), options.get("default-time-zone", "UTC"));
  }
}
