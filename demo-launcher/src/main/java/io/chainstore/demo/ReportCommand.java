package io.chainstore.demo;

import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code ./chainstore report [--work-dir .demo] [--output report.html] [--clickhouse-url U]
 * [--clickhouse-database D]}: writes the HTML report ({@link HtmlReport}) from ClickHouse. Without
 * options it reads the stack a running {@code ./chainstore demo --keep-running} left in its work
 * directory; options (or CLICKHOUSE_URL, ...) point it at any deployment.
 */
final class ReportCommand {

  private ReportCommand() {}

  static int run(String[] args) throws IOException {
    Properties options = new Properties();
    Path workDir = Path.of(".demo");
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      String name = args[i].substring(2);
      String value = args[++i];
      if (name.equals("work-dir")) {
        workDir = Path.of(value);
      } else {
        options.setProperty(name, value);
      }
    }
    Properties stack = new Properties();
    Path stackFile = workDir.resolve(LocalStack.STACK_FILE);
    if (Files.exists(stackFile)) {
      try (Reader in = Files.newBufferedReader(stackFile)) {
        stack.load(in);
      }
    }
    if (option(options, stack, "clickhouse-url") == null) {
      throw new IllegalArgumentException(
          "no stack in "
              + workDir
              + " and no --clickhouse-url: start ./chainstore demo --keep-running, or say where"
              + " ClickHouse is");
    }
    Path output = Path.of(options.getProperty("output", workDir.resolve("report.html").toString()));
    ClickHouseClient clickhouse =
        new ClickHouseClient(ClickHouseSettings.fromOptions(name -> option(options, stack, name)));
    Path written = new HtmlReport(clickhouse).write(output);
    System.out.println("report: " + written.toAbsolutePath());
    return 0;
  }

  private static String option(Properties options, Properties stack, String name) {
    String value = options.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return value == null ? stack.getProperty(name) : value;
  }
}
