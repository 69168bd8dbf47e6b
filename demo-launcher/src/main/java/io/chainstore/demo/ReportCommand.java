package io.chainstore.demo;

import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code ./chainstore report [--work-dir .demo] [--output report.html] [--clickhouse-url U]
 * [--clickhouse-database D]}: writes the HTML report ({@link HtmlReport}) from ClickHouse. Without
 * options it reads the stack a running {@code ./chainstore demo --keep-running} left in its work
 * directory; options (or CLICKHOUSE_URL, ...) point it at any deployment.
 */
final class ReportCommand {

  private ReportCommand() {}

  static int run(String[] args) throws IOException {
    StackOptions options = StackOptions.parse(args);
    if (options.get("clickhouse-url") == null) {
      throw new IllegalArgumentException(
          "no stack in "
              + options.workDir()
              + " and no --clickhouse-url: start ./chainstore demo --keep-running, or say where"
              + " ClickHouse is");
    }
    String output = options.given("output");
    Path file = output != null ? Path.of(output) : options.workDir().resolve("report.html");
    ClickHouseClient clickhouse =
        new ClickHouseClient(ClickHouseSettings.fromOptions(options::get));
    Path written = new HtmlReport(clickhouse).write(file);
    System.out.println("report: " + written.toAbsolutePath());
    return 0;
  }
}
