package io.chainstore.oltp.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who a caller is. POS terminals and store managers belong to one store. */
public enum Role {
  STOREFRONT,
  POS,
  STORE_MANAGER,
  HQ_ANALYST,
  HQ_ADMIN;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role fromCode(String code) {
    for (Role r : values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role " + code);
  }

  public boolean storeBound() {
    return this == POS || this == STORE_MANAGER;
  }
}
