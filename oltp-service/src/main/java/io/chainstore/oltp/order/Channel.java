package io.chainstore.oltp.order;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an order was placed. Stored and streamed in lower case. */
public enum Channel {
  ONLINE,
  POS,
  PICKUP;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Channel fromCode(String code) {
    for (Channel c : values()) {
      if (c.code().equals(code)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown channel " + code);
  }
}
