package io.chainstore.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Linux process's resident memory and CPU time, from /proc; 0 when it cannot be read. */
final class ProcessStats {

  /** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
  private static final double TICKS = 100.0;

  private ProcessStats() {}

  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // ended, or not Linux
    }
    return 0;
  }

  /** User plus system CPU seconds of the process (all its threads). */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the command: state is field 3, utime 14 and stime 15 (1-based over the whole line).
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
