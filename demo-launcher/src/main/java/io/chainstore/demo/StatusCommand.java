package io.chainstore.demo;

import io.chainstore.demo.StackHealth.Component;
import io.chainstore.demo.StackHealth.Status;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./chainstore status [--work-dir .demo] [--api-url U] [--postgres-url U] [--postgres-user
 * U] [--postgres-password P] [--cdc-metrics-url U] [--kafka-bootstrap-servers B] [--jobs
 * store-kpis,…] [--checkpoint-dir D] [--clickhouse-url U] [--clickhouse-database D]
 * [--flink-rest-url U] [--spark-master-ui-url U] [--connect-url U]}: a line per part of the
 * deployment, its health and its lag; exits 1 when any part is DOWN. Without options it looks at
 * the stack a running {@code ./chainstore demo --keep-running} or {@code generate --keep-running}
 * left in its work directory; options (or the environment variables in capitals) point it at any
 * deployment.
 */
final class StatusCommand {

  private StatusCommand() {}

  static int run(String[] args) throws IOException {
    List<Component> components = StackHealth.check(deployment(StackOptions.parse(args)));
    print(components, System.out);
    return components.stream().anyMatch(c -> c.status() == Status.DOWN) ? 1 : 0;
  }

  static StackHealth.Deployment deployment(StackOptions options) {
    String jobs = options.get("jobs");
    String checkpoints = options.get("checkpoint-dir");
    String batchMetrics = options.get("batch-metrics-dir");
    return new StackHealth.Deployment(
        options.get("postgres-url"),
        options.get("postgres-user"),
        options.get("postgres-password"),
        new ClickHouseClient(ClickHouseSettings.fromOptions(options::get)),
        options.get("cdc-metrics-url"),
        options.get("kafka-bootstrap-servers"),
        jobs == null
            ? LocalStack.STREAMING_JOBS
            : Arrays.stream(jobs.split(",")).map(String::strip).toList(),
        options.get("flink-metrics-url"),
        checkpoints == null ? null : Path.of(checkpoints),
        options.get("api-url"),
        batchMetrics == null ? null : Path.of(batchMetrics),
        options.get("flink-rest-url"),
        options.get("spark-master-ui-url"),
        options.get("connect-url"));
  }

  static void print(List<Component> components, PrintStream out) {
    int width = components.stream().mapToInt(c -> c.name().length()).max().orElse(9);
    String line = "%-" + Math.max(width, 9) + "s  %-7s  %s%n";
    out.printf(line, "COMPONENT", "STATUS", "DETAIL");
    for (Component c : components) {
      out.printf(line, c.name(), c.status(), c.detail());
    }
  }
}
