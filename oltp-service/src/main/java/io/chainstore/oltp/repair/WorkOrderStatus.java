package io.chainstore.oltp.repair;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** open -> confirmed -> paid -> completed; open or confirmed -> cancelled. */
enum WorkOrderStatus {
  OPEN,
  CONFIRMED,
  PAID,
  COMPLETED,
  CANCELLED;

  @JsonValue
  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static WorkOrderStatus fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** The quote (its lines) may change: before payment. */
  boolean quoteEditable() {
    return this == OPEN || this == CONFIRMED;
  }
}
