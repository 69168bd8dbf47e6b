package io.chainstore.streaming.tags;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Event time for the tags, from the connector's heartbeats alone: the watermark is the newest
 * heartbeat's time less the lateness bound. Heartbeats come every few seconds whether the tables
 * change or not, so time moves on in a quiet night too, and no quiet topic or idle source can hold
 * it back. Table changes carry their commit time but do not move the watermark.
 */
public class HeartbeatClock implements WatermarkGenerator<MemberFact> {

  private final long latenessMillis;
  private long newestHeartbeat = Long.MIN_VALUE;

  public HeartbeatClock(long latenessMillis) {
    this.latenessMillis = latenessMillis;
  }

  @Override
  public void onEvent(MemberFact fact, long timestamp, WatermarkOutput output) {
    if (fact.memberId() == MemberTagsJob.TICK) {
      newestHeartbeat = Math.max(newestHeartbeat, timestamp);
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (newestHeartbeat != Long.MIN_VALUE) {
      output.emitWatermark(new Watermark(newestHeartbeat - latenessMillis));
    }
  }
}
