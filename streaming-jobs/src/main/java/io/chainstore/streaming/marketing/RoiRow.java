package io.chainstore.streaming.marketing;

import io.chainstore.streaming.aggregate.Summable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A coupon template's figures on one channel and business day. */
public record RoiRow(
    long templateId, String channel, long localEpochDay, RoiMeasures measures, long version)
    implements Summable<RoiRow> {

  /** The channel of what belongs to none: issuing a coupon. */
  public static final String ANY_CHANNEL = "any";

  @Override
  public String id() {
    return templateId + "|" + channel + "|" + localEpochDay;
  }

  @Override
  public RoiRow plus(RoiRow change) {
    return new RoiRow(
        templateId,
        channel,
        localEpochDay,
        measures.plus(change.measures),
        Math.max(version, change.version));
  }

  /** The row a change adds to, on its business day in the zone. */
  public static List<RoiRow> of(RoiDelta delta, ZoneId zone) {
    return List.of(
        new RoiRow(
            delta.templateId(),
            delta.channel(),
            Instant.ofEpochMilli(delta.epochMilli()).atZone(zone).toLocalDate().toEpochDay(),
            delta.measures(),
            delta.lsn()));
  }
}
