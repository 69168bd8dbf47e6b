package io.chainstore.streaming.transfers;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import java.io.Serializable;

/** A location as donor choice sees it: store or warehouse, and where it is (if known). */
public record Place(long id, boolean warehouse, Double latitude, Double longitude)
    implements Serializable {

  private static final double EARTH_KM = 6371.0;

  public static Place from(JsonNode row) {
    String lat = Columns.text(row, "latitude");
    String lon = Columns.text(row, "longitude");
    return new Place(
        Columns.longValue(row, "id"),
        "warehouse".equals(Columns.text(row, "kind")),
        lat == null ? null : Double.valueOf(lat),
        lon == null ? null : Double.valueOf(lon));
  }

  /** Great-circle distance in km; unknown coordinates are farther than any known ones. */
  public double kmTo(Place other) {
    if (latitude == null
        || longitude == null
        || other.latitude == null
        || other.longitude == null) {
      return Double.POSITIVE_INFINITY;
    }
    double dLat = Math.toRadians(other.latitude - latitude);
    double dLon = Math.toRadians(other.longitude - longitude);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
