package io.chainstore.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Stops the servers this JVM started once it is gone, however it went. Shutdown hooks do not run
 * after {@code kill -9}, so the first registration starts a watchdog ({@code sh}) that waits for
 * this JVM's end, then kills every registered process that still runs. A process is known by its
 * pid and its start time, so a pid the system has given to another process since is left alone.
 * Where there is no {@code /proc} (not Linux), nothing is watched.
 */
public final class OrphanGuard {

  /** Waits for the JVM, then kills each "pid start-time" line of the file whose process matches. */
  private static final String WATCHDOG =
      """
      while kill -0 "$1" 2>/dev/null; do sleep 1; done
      while read -r pid start; do
        now=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f20)
        [ -n "$now" ] && [ "$now" = "$start" ] && kill -9 "$pid" 2>/dev/null
      done < "$2"
      rm -f "$2"
      """;

  private static Path registry;

  private OrphanGuard() {}

  /** Kills {@code process} when this JVM ends without having stopped it. */
  public static synchronized void watch(ProcessHandle process) {
    Optional<String> start = startTime(process.pid());
    if (start.isEmpty()) {
      return;
    }
    try {
      if (registry == null) {
        registry = startWatchdog();
      }
      Files.writeString(
          registry,
          process.pid() + " " + start.get() + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("chainstore: cannot guard process " + process.pid() + ": " + e);
    }
  }

  /** As {@link #watch(ProcessHandle)}; returns {@code process}. */
  public static Process watch(Process process) {
    watch(process.toHandle());
    return process;
  }

  private static Path startWatchdog() throws IOException {
    long self = ProcessHandle.current().pid();
    Path file = Files.createTempFile("chainstore-children-" + self + "-", ".txt");
    new ProcessBuilder("sh", "-c", WATCHDOG, "orphan-guard", Long.toString(self), file.toString())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    return file;
  }

  /** Field 22 of {@code /proc/<pid>/stat}: when the process started, in clock ticks after boot. */
  static Optional<String> startTime(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
      return Optional.of(fields[19]);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
