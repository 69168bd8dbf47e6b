package io.chainstore.streaming;

import io.chainstore.streaming.kpi.StoreKpisJob;
import io.chainstore.streaming.marketing.MarketingRoiJob;
import io.chainstore.streaming.tags.MemberTagsJob;
import io.chainstore.streaming.transfers.TransferSuggestionsJob;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job jar's entry point: {@code flink run streaming-jobs-*-flink-job.jar <job> [--option
 * value]...} runs the job of that name; {@code all} runs every job's pipeline as one Flink job
 * (what the local all-in-one run does, to start one cluster instead of four).
 */
public final class StreamingJobs {

  public static final String ALL = "all";

  /** Each job's pipeline by name. */
  public static final Map<String, BiConsumer<StreamExecutionEnvironment, JobOptions>> PIPELINES =
      pipelines();

  private StreamingJobs() {}

  private static Map<String, BiConsumer<StreamExecutionEnvironment, JobOptions>> pipelines() {
    Map<String, BiConsumer<StreamExecutionEnvironment, JobOptions>> jobs = new LinkedHashMap<>();
    jobs.put(StoreKpisJob.NAME, StoreKpisJob::build);
    jobs.put(TransferSuggestionsJob.NAME, TransferSuggestionsJob::build);
    jobs.put(MarketingRoiJob.NAME, MarketingRoiJob::build);
    jobs.put(MemberTagsJob.NAME, MemberTagsJob::build);
    return jobs;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(PIPELINES.containsKey(args[0]) || ALL.equals(args[0]))) {
      System.err.println(
          "usage: <job> [--option value]...; jobs: "
              + String.join(", ", PIPELINES.keySet())
              + ", or all");
      System.exit(2);
    }
    String name = args[0];
    JobOptions options = new JobOptions(Arrays.copyOfRange(args, 1, args.length), System.getenv());
    StreamingJob.run(
        ALL.equals(name) ? "chainstore-analytics" : name,
        options,
        env -> {
          if (ALL.equals(name)) {
            PIPELINES.values().forEach(pipeline -> pipeline.accept(env, options));
          } else {
            PIPELINES.get(name).accept(env, options);
          }
        });
  }
}
