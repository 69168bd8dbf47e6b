package io.chainstore.streaming.marketing;

import io.chainstore.streaming.Endpoints;
import io.chainstore.streaming.JobOptions;
import io.chainstore.streaming.aggregate.RunningTotals;
import io.chainstore.streaming.cdc.ChangeDecoder;
import io.chainstore.streaming.mirror.Mirrors;
import io.chainstore.streaming.sales.OrderEvent;
import io.chainstore.streaming.sales.OrderRow;
import io.chainstore.streaming.sink.RowFormat;
import io.chainstore.streaming.sink.TableRow;
import io.chainstore.streaming.sink.TextValues;
import io.chainstore.streaming.stores.LocationRow;
import io.chainstore.streaming.stores.ZoneResolver;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * marketing-roi: coupons and the orders that used them → per coupon template, channel and business
 * day: issued, redeemed, released, discount cost and attributed net sales; plus copies of the
 * campaigns and templates the ROI views join. This class only wires.
 */
public final class MarketingRoiJob {

  public static final String NAME = "marketing-roi";
  public static final String TABLE = "coupon_roi";
  public static final List<String> COLUMNS =
      List.of(
          "template_id",
          "channel",
          "local_date",
          "issued",
          "redeemed",
          "released",
          "discount_cost",
          "attributed_net_sales",
          "version",
          "updated_at");

  private MarketingRoiJob() {}

  /** Where the job reads and writes. */
  public record Connections(
      Source<OrderEvent, ?, ?> orders,
      Source<CouponEvent, ?, ?> coupons,
      Source<LocationRow, ?, ?> locations,
      Source<TableRow, ?, ?> mirrored,
      Sink<RoiRow> roi,
      Sink<TableRow> mirrors) {}

  public static void build(StreamExecutionEnvironment env, Connections io, String chainZone) {
    env.fromSource(io.orders(), WatermarkStrategy.noWatermarks(), "roi-order-changes")
        .uid("roi-order-changes")
        .filter(event -> event.order().couponId() != null)
        .uid("roi-orders-with-coupons")
        .keyBy(event -> event.order().couponId())
        .connect(
            env.fromSource(io.coupons(), WatermarkStrategy.noWatermarks(), "roi-coupon-changes")
                .uid("roi-coupon-changes")
                .keyBy(event -> event.coupon().couponId()))
        .process(new CouponAttributions(), TypeInformation.of(RoiDelta.class))
        .uid("coupon-attributions")
        .name("coupon-attributions")
        .keyBy(RoiDelta::storeId)
        .connect(
            env.fromSource(io.locations(), WatermarkStrategy.noWatermarks(), "roi-location-changes")
                .uid("roi-location-changes")
                .keyBy(LocationRow::locationId))
        .process(
            new ZoneResolver<>(RoiRow::of, TypeInformation.of(RoiDelta.class), chainZone),
            TypeInformation.of(RoiRow.class))
        .uid("roi-days")
        .name("roi-days")
        .keyBy(RoiRow::id)
        .transform(
            "roi-totals",
            TypeInformation.of(RoiRow.class),
            new RunningTotals<>(TypeInformation.of(RoiRow.class)))
        .uid("roi-totals")
        .sinkTo(io.roi())
        .uid("roi-sink")
        .name("roi-sink");

    env.fromSource(io.mirrored(), WatermarkStrategy.noWatermarks(), "roi-mirrored-changes")
        .uid("roi-mirrored-changes")
        .sinkTo(io.mirrors())
        .uid("roi-mirror-sink")
        .name("roi-mirror-sink");
  }

  static final ChangeDecoder<OrderEvent> ORDERS =
      (table, event) -> OrderEvent.of(OrderRow.from(event.row()), event.lsn(), event.deleted());

  static final ChangeDecoder<CouponEvent> COUPONS =
      (table, event) -> new CouponEvent(CouponRow.from(event.row()), event.lsn(), event.deleted());

  static final ChangeDecoder<LocationRow> LOCATIONS =
      (table, event) -> event.deleted() ? null : LocationRow.from(event.row());

  public static final RowFormat<RoiRow> FORMAT =
      new RowFormat<>() {
        @Override
        public String table(RoiRow row) {
          return TABLE;
        }

        @Override
        public List<String> columns(String table) {
          return COLUMNS;
        }

        @Override
        public String id(RoiRow row) {
          return row.id();
        }

        @Override
        public List<Object> values(RoiRow row, String writtenAt) {
          RoiMeasures m = row.measures();
          return List.of(
              row.templateId(),
              row.channel(),
              TextValues.date(row.localEpochDay()),
              m.issued(),
              m.redeemed(),
              m.released(),
              TextValues.money(m.discountCost()),
              TextValues.money(m.attributedNetSales()),
              row.version(),
              writtenAt);
        }
      };

  public static Connections connections(JobOptions options) {
    Endpoints io = Endpoints.of(options, NAME);
    return new Connections(
        io.changes(List.of("orders"), ORDERS, OrderEvent.class),
        io.changes(List.of("coupons"), COUPONS, CouponEvent.class),
        io.changes(List.of("locations"), LOCATIONS, LocationRow.class),
        io.changes(Mirrors.sources(Mirrors.MARKETING_TABLES), Mirrors.DECODER, TableRow.class),
        io.sink(FORMAT),
        io.sink(Mirrors.FORMAT));
  }

  /** The pipeline as its options say. */
  public static void build(StreamExecutionEnvironment env, JobOptions options) {
    build(env, connections(options), options.get("default-time-zone", "UTC"));
  }
}
