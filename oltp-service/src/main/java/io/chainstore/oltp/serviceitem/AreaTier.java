package io.chainstore.oltp.serviceitem;

import java.util.Locale;

/**
 * The area a service covers, in tiers: up to 60 m², over 60 up to 120 m², over 120 m²; {@code any}
 * for a service priced without regard to area (a massage).
 */
public enum AreaTier {
  ANY("any"),
  UP_TO_60("up_to_60"),
  FROM_60_TO_120("60_to_120"),
  OVER_120("over_120");

  /** The codes as the API and the table spell them, for {@code @Pattern}. */
  public static final String CODES = "any|up_to_60|60_to_120|over_120";

  private final String code;

  AreaTier(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static AreaTier fromCode(String code) {
    for (AreaTier tier : values()) {
      if (tier.code.equals(code.toLowerCase(Locale.ROOT))) {
        return tier;
      }
    }
    throw new IllegalArgumentException("unknown area tier " + code);
  }

  /** The tier an area (whole m², at least 1) falls into: 60 is up_to_60, 61 is 60_to_120. */
  public static AreaTier forArea(int squareMetres) {
    if (squareMetres < 1) {
      throw new IllegalArgumentException("an area is at least 1 m²");
    }
    if (squareMetres <= 60) {
      return UP_TO_60;
    }
    return squareMetres <= 120 ? FROM_60_TO_120 : OVER_120;
  }

  /** True when a combination of this tier serves an area of {@code squareMetres}. */
  public boolean serves(int squareMetres) {
    return this == ANY || this == forArea(squareMetres);
  }
}
