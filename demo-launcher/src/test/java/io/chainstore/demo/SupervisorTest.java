package io.chainstore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SupervisorTest {

  private final AtomicLong now = new AtomicLong();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Progress progress =
      new Progress(new PrintStream(out, true, StandardCharsets.UTF_8));

  @Test
  void restartsADeadPartOnceAndLeavesALiveOneAlone() {
    AtomicBoolean serviceUp = new AtomicBoolean(false);
    AtomicInteger serviceStarts = new AtomicInteger();
    AtomicInteger jobStarts = new AtomicInteger();
    Supervisor supervisor =
        new Supervisor(
            List.of(
                new Supervisor.Part(
                    "oltp-service",
                    serviceUp::get,
                    () -> {
                      serviceStarts.incrementAndGet();
                      serviceUp.set(true);
                    }),
                new Supervisor.Part("analytics", () -> true, jobStarts::incrementAndGet)),
            progress,
            now::get);

    supervisor.check();
    supervisor.check();

    assertThat(serviceStarts).hasValue(1);
    assertThat(jobStarts).hasValue(0);
    assertThat(supervisor.restarts("oltp-service")).isEqualTo(1);
    assertThat(supervisor.restarts("analytics")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("oltp-service is not running; starting it again");
  }

  @Test
  void aPartThatFailsToStartIsTriedAgainAfterADoublingPause() {
    AtomicInteger attempts = new AtomicInteger();
    AtomicBoolean up = new AtomicBoolean(false);
    Supervisor supervisor =
        new Supervisor(
            List.of(
                new Supervisor.Part(
                    "clickhouse-server",
                    up::get,
                    () -> {
                      if (attempts.incrementAndGet() < 3) {
                        throw new IllegalStateException("port in use");
                      }
                      up.set(true);
                    })),
            progress,
            now::get);

    supervisor.check(); // fails: next try after 1 s
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(900));
    supervisor.check(); // too early
    assertThat(attempts).hasValue(1);
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
    supervisor.check(); // fails again: next try after 2 s
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1999));
    supervisor.check();
    assertThat(attempts).hasValue(2);
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
    supervisor.check(); // starts
    assertThat(attempts).hasValue(3);
    assertThat(supervisor.restarts("clickhouse-server")).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("clickhouse-server did not start (port in use); next try in 2 s");
  }

  @Test
  void thePauseGrowsToAMinuteAndNoFurther() {
    assertThat(Supervisor.pauseAfter(1)).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    assertThat(Supervisor.pauseAfter(4)).isEqualTo(TimeUnit.SECONDS.toNanos(8));
    assertThat(Supervisor.pauseAfter(7)).isEqualTo(TimeUnit.MINUTES.toNanos(1));
    assertThat(Supervisor.pauseAfter(1000)).isEqualTo(TimeUnit.MINUTES.toNanos(1));
  }

  @Test
  void aCheckThatThrowsDoesNotStopTheOthers() {
    AtomicInteger starts = new AtomicInteger();
    Supervisor supervisor =
        new Supervisor(
            List.of(
                new Supervisor.Part(
                    "broken",
                    () -> {
                      throw new IllegalStateException("no such process");
                    },
                    () -> {}),
                new Supervisor.Part("analytics", () -> starts.get() > 0, starts::incrementAndGet)),
            progress,
            now::get);

    supervisor.check();

    assertThat(starts).hasValue(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("checking broken failed");
  }
}
