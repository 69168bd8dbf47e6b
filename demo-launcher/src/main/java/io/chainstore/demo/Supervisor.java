package io.chainstore.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Starts again a part of the local stack that died (kill -9, out of memory), as systemd or
 * Kubernetes does in a deployment: each part is looked at every second; one found dead is
 * restarted, and one that fails to start is tried again after a pause that doubles up to a minute.
 */
final class Supervisor implements AutoCloseable {

  /** A supervised part: whether it runs, and how to start it again (blocking until it serves). */
  record Part(String name, BooleanSupplier alive, Runnable restart) {}

  static final long FIRST_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
  static final long MAX_PAUSE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final List<Part> parts;
  private final Progress progress;
  private final LongSupplier clock;
  private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final Map<String, Long> notBefore = new HashMap<>();
  private ScheduledExecutorService timer;

  Supervisor(List<Part> parts, Progress progress, LongSupplier clock) {
    this.parts = List.copyOf(parts);
    this.progress = progress;
    this.clock = clock;
  }

  /** Supervises {@code parts} from now on, on a thread of its own, until closed. */
  static Supervisor start(List<Part> parts, Progress progress) {
    Supervisor supervisor = new Supervisor(parts, progress, System::nanoTime);
    supervisor.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "supervisor");
              thread.setDaemon(true);
              return thread;
            });
    supervisor.timer.scheduleWithFixedDelay(supervisor::check, 1, 1, TimeUnit.SECONDS);
    return supervisor;
  }

  /** Looks at every part once and restarts those that are dead and due. */
  synchronized void check() {
    for (Part part : parts) {
      try {
        if (!part.alive().getAsBoolean() && due(part.name())) {
          restart(part);
        }
      } catch (RuntimeException e) {
        // A scheduled task that throws is never run again: the supervisor must outlive this.
        progress.step("supervisor: checking " + part.name() + " failed: " + e);
      }
    }
  }

  private boolean due(String name) {
    Long at = notBefore.get(name);
    return at == null || clock.getAsLong() - at >= 0;
  }

  private void restart(Part part) {
    progress.step(part.name() + " is not running; starting it again");
    try {
      part.restart().run();
      restarts.merge(part.name(), 1, Integer::sum);
      failures.remove(part.name());
      notBefore.remove(part.name());
    } catch (RuntimeException e) {
      long pause = pauseAfter(failures.merge(part.name(), 1, Integer::sum));
      notBefore.put(part.name(), clock.getAsLong() + pause);
      progress.step(
          "%s did not start (%s); next try in %d s"
              .formatted(part.name(), e.getMessage(), TimeUnit.NANOSECONDS.toSeconds(pause)));
    }
  }

  /** 1 s after the first failed start, doubling with each further one, at most a minute. */
  static long pauseAfter(int failedStarts) {
    return Math.min(MAX_PAUSE_NANOS, FIRST_PAUSE_NANOS << Math.min(failedStarts - 1, 20));
  }

  /** How often {@code name} was started again successfully. */
  int restarts(String name) {
    return restarts.getOrDefault(name, 0);
  }

  /** Stops supervising; a restart under way is interrupted. */
  @Override
  public void close() {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
