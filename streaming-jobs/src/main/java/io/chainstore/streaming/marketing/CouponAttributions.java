package io.chainstore.streaming.marketing;

import io.chainstore.streaming.sales.OrderEvent;
import io.chainstore.streaming.sales.OrderRow;
import io.chainstore.streaming.stores.StoreZones;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per coupon: counts it issued once, and attributes each order that used it ({@link Attribution})
 * to the coupon's template. Orders that arrive before their coupon (topics are read side by side)
 * are kept and counted once the coupon, and so its template, is known. Changes of an order at or
 * below its last LSN are duplicates.
 */
public class CouponAttributions
    extends KeyedCoProcessFunction<Long, OrderEvent, CouponEvent, RoiDelta> {

  /** An order of this coupon: its last change and what it is counted for now. */
  public record SeenOrder(long lsn, OrderRow order, Attribution counted) implements Serializable {}

  private transient ValueState<CouponRow> coupon;
  private transient MapState<Long, SeenOrder> orders;

  @Override
  public void open(OpenContext context) {
    coupon = getRuntimeContext().getState(new ValueStateDescriptor<>("coupon", CouponRow.class));
    orders =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "orders", Types.LONG, TypeInformation.of(SeenOrder.class)));
  }

  @Override
  public void processElement1(OrderEvent event, Context ctx, Collector<RoiDelta> out)
      throws Exception {
    SeenOrder seen = orders.get(event.orderId());
    if (seen != null && event.lsn() > 0 && event.lsn() <= seen.lsn()) {
      return;
    }
    Attribution counted = seen == null ? null : seen.counted();
    CouponRow known = coupon.value();
    OrderRow order = event.deleted() ? null : event.order();
    if (known != null) {
      Attribution now = Attribution.of(order);
      changes(known.templateId(), counted, now, event.lsn()).forEach(out::collect);
      counted = now;
    }
    orders.put(event.orderId(), new SeenOrder(event.lsn(), order, counted));
  }

  @Override
  public void processElement2(CouponEvent event, Context ctx, Collector<RoiDelta> out)
      throws Exception {
    if (event.deleted() || coupon.value() != null) {
      return;
    }
    CouponRow issued = event.coupon();
    coupon.update(issued);
    out.collect(
        new RoiDelta(
            issued.templateId(),
            StoreZones.NO_STORE,
            RoiRow.ANY_CHANNEL,
            issued.issuedAt().toEpochMilli(),
            event.lsn(),
            RoiMeasures.ISSUED));
    List<Map.Entry<Long, SeenOrder>> waiting = new ArrayList<>();
    orders.entries().forEach(waiting::add);
    for (Map.Entry<Long, SeenOrder> entry : waiting) {
      SeenOrder seen = entry.getValue();
      Attribution now = Attribution.of(seen.order());
      changes(issued.templateId(), seen.counted(), now, seen.lsn()).forEach(out::collect);
      orders.put(entry.getKey(), new SeenOrder(seen.lsn(), seen.order(), now));
    }
  }

  /** What moves the template's figures from counting {@code before} to counting {@code after}. */
  static List<RoiDelta> changes(long template, Attribution before, Attribution after, long lsn) {
    List<RoiDelta> out = new ArrayList<>(2);
    if (before != null && before.equals(after)) {
      return out;
    }
    if (before != null) {
      out.add(delta(template, before, before.measures().negate(), lsn));
    }
    if (after != null) {
      out.add(delta(template, after, after.measures(), lsn));
    }
    return out;
  }

  private static RoiDelta delta(long template, Attribution a, RoiMeasures measures, long lsn) {
    return new RoiDelta(template, a.storeId(), a.channel(), a.at().toEpochMilli(), lsn, measures);
  }
}
