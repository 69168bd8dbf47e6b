package io.chainstore.oltp.access;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who a caller is. POS terminals, store managers and technicians belong to one store; a supplier
 * key belongs to one supplier and sees only what is that supplier's; a monitoring key (the metrics
 * scraper's) reads the service's metrics and nothing else.
 */
public enum Role {
  STOREFRONT,
  POS,
  STORE_MANAGER,
  HQ_ANALYST,
  HQ_ADMIN,
  TECHNICIAN,
  SUPPLIER,
  MONITORING;

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
    return this == POS || this == STORE_MANAGER || this == TECHNICIAN;
  }

  /**
   * The roles of the chain's own people and tills: those an {@code anyRole} read admits. A supplier
   * is an outside party and reads only the endpoints that name it; a monitoring key reads no
   * business data at all.
   */
  public boolean chainStaff() {
    return this != SUPPLIER && this != MONITORING;
  }
}
