package io.chainstore.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A batch run's figures for Prometheus, as a text file ({@code --metrics-file}) for the node
 * exporter's textfile collector: a job that ends before any scrape cannot be scraped itself. The
 * file is replaced whole, so a scrape never reads half of it.
 */
public final class BatchMetrics {

  private BatchMetrics() {}

  /** The last run of {@code job}: whether it succeeded, its records and duration, its end. */
  public record Run(String job, boolean succeeded, long records, Duration duration, Instant end) {

    /** A run of {@code job} begun at {@code start} and ending now. */
    public static Run endingNow(String job, Instant start, boolean succeeded, long records) {
      Instant end = Instant.now();
      return new Run(job, succeeded, records, Duration.between(start, end), end);
    }
  }

  public static String prometheusText(Run run) {
    String job = "{batch_job=\"" + run.job() + "\"}";
    StringBuilder out = new StringBuilder();
    gauge(out, "chainstore_batch_last_run_success", "1 if the last run completed", job)
        .append(run.succeeded() ? 1 : 0)
        .append('\n');
    gauge(out, "chainstore_batch_last_run_records", "records the last run wrote", job)
        .append(run.records())
        .append('\n');
    gauge(out, "chainstore_batch_last_run_duration_seconds", "how long the last run took", job)
        .append(seconds(run.duration().toMillis()))
        .append('\n');
    gauge(out, "chainstore_batch_last_run_end_timestamp_seconds", "when the last run ended", job)
        .append(seconds(run.end().toEpochMilli()))
        .append('\n');
    return out.toString();
  }

  /** Writes {@code run} to {@code file}, replacing what the previous run wrote. */
  public static void write(Path file, Run run) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.writeString(tmp, prometheusText(run), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the metrics file " + file, e);
    }
  }

  /** Writes {@code run} where {@code --metrics-file} (METRICS_FILE) says, if it says. */
  public static void writeIfAsked(BatchOptions options, Run run) {
    String file = options.get("metrics-file", null);
    if (file != null && !file.isBlank()) {
      write(Path.of(file), run);
    }
  }

  private static StringBuilder gauge(StringBuilder out, String name, String help, String labels) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    return out.append(name).append(labels).append(' ');
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
  }
}
