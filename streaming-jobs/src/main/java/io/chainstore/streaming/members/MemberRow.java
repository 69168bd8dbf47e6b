package io.chainstore.streaming.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainstore.streaming.cdc.Columns;
import java.io.Serializable;
import java.time.Instant;

/** A {@code members} row: when and where (a store's till, or online) the member joined. */
public record MemberRow(long memberId, Long storeId, String channel, Instant joinedAt)
    implements Serializable {

  public static MemberRow from(JsonNode row) {
    String channel = Columns.text(row, "channel");
    return new MemberRow(
        Columns.longValue(row, "id"),
        Columns.nullableLong(row, "store_id"),
        // Members from before joining places were recorded joined online.
        channel == null ? "online" : channel,
        Columns.instant(row, "created_at"));
  }
}
