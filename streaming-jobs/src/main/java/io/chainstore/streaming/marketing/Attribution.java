package io.chainstore.streaming.marketing;

import io.chainstore.streaming.sales.OrderRow;
import java.io.Serializable;
import java.time.Instant;

/**
 * The attribution rule: an order that redeemed a coupon gives the coupon's template (and its
 * campaign) the whole of its net sales — its total less what returns refunded — and costs it the
 * coupon discount, at the time of its payment and its store's business day, for as long as it is a
 * sale. An order cancelled before payment released its coupon: one release at its cancellation.
 * Anything else counts for nothing.
 */
public record Attribution(long storeId, String channel, Instant at, RoiMeasures measures)
    implements Serializable {

  /** What the order counts for, or null. */
  public static Attribution of(OrderRow order) {
    if (order == null || order.couponId() == null) {
      return null;
    }
    if (order.isSale()) {
      return new Attribution(
          order.storeId(),
          order.channel(),
          order.paidAt(),
          RoiMeasures.redeemed(order.couponDiscount(), order.net()));
    }
    if ("cancelled".equals(order.status())
        && order.paidAt() == null
        && order.cancelledAt() != null) {
      return new Attribution(
          order.storeId(), order.channel(), order.cancelledAt(), RoiMeasures.RELEASED);
    }
    return null;
  }
}
