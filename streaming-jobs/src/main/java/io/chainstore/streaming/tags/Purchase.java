package io.chainstore.streaming.tags;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A sale of a member: when it was paid, on which channel, its net, whether a coupon was used. */
public record Purchase(long orderId, Instant paidAt, String channel, BigDecimal net, boolean coupon)
    implements Serializable {

  /** Online and click-and-collect are bought online; POS in a store. */
  public boolean online() {
    return !"pos".equals(channel);
  }
}
