package io.chainstore.demo;

import io.chainstore.demo.reconcile.Reconciler;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Properties;

/**
 * {@code ./chainstore reconcile [--work-dir .demo] [--postgres-url U] [--postgres-user U]
 * [--postgres-password P] [--clickhouse-url U] [--clickhouse-database D] [--default-time-zone Z]}:
 * compares every ClickHouse table with PostgreSQL and prints a line per table, then the summary;
 * exits 1 on any difference. Without options it checks the stack a running {@code ./chainstore demo
 * --keep-running} left in its work directory; options (or the environment variables in capitals)
 * point it at any deployment.
 */
final class ReconcileCommand {

  private ReconcileCommand() {}

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
    String postgresUrl = option(options, stack, "postgres-url");
    if (postgresUrl == null) {
      throw new IllegalArgumentException(
          "no stack in "
              + workDir
              + " and no --postgres-url: start ./chainstore demo"
              + " --keep-running, or say where PostgreSQL and ClickHouse are");
    }
    String user = option(options, stack, "postgres-user");
    String password = option(options, stack, "postgres-password");
    ClickHouseClient clickhouse =
        new ClickHouseClient(ClickHouseSettings.fromOptions(name -> option(options, stack, name)));
    String zone = option(options, stack, "default-time-zone");
    Reconciler reconciler =
        new Reconciler(
            () -> DriverManager.getConnection(postgresUrl, user, password),
            clickhouse,
            zone == null ? "UTC" : zone);
    Reconciler.Report report = reconciler.run();
    report.lines().forEach(System.out::println);
    return report.ok() ? 0 : 1;
  }

  /** An option given, else from the environment (NAME_IN_CAPITALS), else from the stack file. */
  private static String option(Properties options, Properties stack, String name) {
    String value = options.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
    return value == null ? stack.getProperty(name) : value;
  }
}
