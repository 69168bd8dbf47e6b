package io.chainstore.streaming;

import io.chainstore.streaming.kpi.StoreKpisJob;
import java.util.Arrays;
import java.util.Map;

/**
 * The job jar's entry point: {@code flink run streaming-jobs-*-flink-job.jar <job> [--option
 * value]...} runs the job of that name.
 */
public final class StreamingJobs {

  /** The jobs by name, each with its main. */
  public static final Map<String, Main> JOBS = Map.of(StoreKpisJob.NAME, StoreKpisJob::main);

  /** A job's main. */
  @FunctionalInterface
  public interface Main {
    void run(String[] args) throws Exception;
  }

  private StreamingJobs() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !JOBS.containsKey(args[0])) {
      System.err.println(
          "usage: <job> [--option value]...; jobs: " + String.join(", ", JOBS.keySet()));
      System.exit(2);
    }
    JOBS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
  }
}
