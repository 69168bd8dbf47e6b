package io.chainstore.oltp.order;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * created → paid → fulfilled (online, POS) or picked_up (click-and-collect) → completed; cancelled
 * before fulfilment (a paid order is refunded); returned when every unit came back.
 */
public enum OrderStatus {
  CREATED,
  PAID,
  FULFILLED,
  PICKED_UP,
  COMPLETED,
  CANCELLED,
  RETURNED;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static OrderStatus fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** Handed to the customer: returns are possible, cancellation is not. */
  boolean handedOver() {
    return this == FULFILLED || this == PICKED_UP || this == COMPLETED;
  }
}
