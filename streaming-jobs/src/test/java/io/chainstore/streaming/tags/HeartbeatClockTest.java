package io.chainstore.streaming.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class HeartbeatClockTest {

  private final List<Long> emitted = new ArrayList<>();
  private final WatermarkOutput output =
      new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
          emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
      };

  private static MemberFact tick() {
    return new MemberFact(MemberTagsJob.TICK, "tick", 0, 0, null, 0, null, null);
  }

  @Test
  void eventTimeTrailsTheNewestHeartbeatByTheBoundAndFactsDoNotMoveIt() {
    HeartbeatClock clock = new HeartbeatClock(5_000);
    clock.onPeriodicEmit(output);
    assertThat(emitted).as("nothing before the first heartbeat").isEmpty();

    clock.onEvent(tick(), 100_000, output);
    clock.onEvent(
        MemberFact.joined(7, java.time.Instant.ofEpochMilli(900_000), 1, 900_000), 900_000, output);
    clock.onPeriodicEmit(output);
    assertThat(emitted).containsExactly(95_000L);

    // Heartbeats out of order never move event time back.
    clock.onEvent(tick(), 110_000, output);
    clock.onEvent(tick(), 105_000, output);
    clock.onPeriodicEmit(output);
    assertThat(emitted).containsExactly(95_000L, 105_000L);
  }
}
