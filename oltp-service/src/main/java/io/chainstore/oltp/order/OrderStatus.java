package io.chainstore.oltp.order;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** created → paid → cancelled (refund), or created → cancelled. */
public enum OrderStatus {
  CREATED,
  PAID,
  CANCELLED;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static OrderStatus fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
