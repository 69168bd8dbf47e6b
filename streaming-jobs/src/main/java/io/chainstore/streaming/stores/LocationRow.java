package io.chainstore.streaming.stores;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import java.io.Serializable;

/** A {@code locations} row: a store or warehouse, with the time zone of its business day. */
public record LocationRow(long locationId, String kind, String timeZone) implements Serializable {

  public static LocationRow from(JsonNode row) {
    String zone = Columns.text(row, "time_zone");
    return new LocationRow(
        Columns.longValue(row, "id"),
        Columns.text(row, "kind"),
        // Rows from before locations had a zone were on UTC days.
        zone == null ? "UTC" : zone);
  }
}
