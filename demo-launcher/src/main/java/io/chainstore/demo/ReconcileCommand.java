package io.chainstore.demo;

import io.chainstore.demo.reconcile.Reconciler;
import io.chainstore.demo.reconcile.TableCheck;
import io.chainstore.warehouse.ClickHouseClient;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./chainstore reconcile [--work-dir .demo] [--postgres-url U] [--postgres-user U]
 * [--postgres-password P] [--clickhouse-url U] [--clickhouse-database D] [--default-time-zone Z]
 * [--tables member_tag,stock_level]}: compares every ClickHouse table (or those of {@code
 * --tables}) with PostgreSQL and prints a line per table, then the summary; exits 1 on any
 * difference. Without options it checks the stack a running {@code ./chainstore demo
 * --keep-running} left in its work directory; options (or the environment variables in capitals)
 * point it at any deployment.
 */
final class ReconcileCommand {

  private ReconcileCommand() {}

  static int run(String[] args) throws IOException {
    StackOptions options = StackOptions.parse(args);
    String only = options.given("tables");
    List<TableCheck> checks =
        only == null
            ? Reconciler.CHECKS
            : Reconciler.checks(Arrays.stream(only.split(",")).map(String::strip).toList());
    String postgresUrl = options.get("postgres-url");
    if (postgresUrl == null) {
      throw new IllegalArgumentException(
          "no stack in "
              + options.workDir()
              + " and no --postgres-url: start ./chainstore demo"
              + " --keep-running, or say where PostgreSQL and ClickHouse are");
    }
    String user = options.get("postgres-user");
    String password = options.get("postgres-password");
    ClickHouseClient clickhouse =
        new ClickHouseClient(ClickHouseSettings.fromOptions(options::get));
    String zone = options.get("default-time-zone");
    Reconciler reconciler =
        new Reconciler(
            () -> DriverManager.getConnection(postgresUrl, user, password),
            clickhouse,
            zone == null ? "UTC" : zone);
    Reconciler.Report report = reconciler.run(checks);
    report.lines().forEach(System.out::println);
    return report.ok() ? 0 : 1;
  }
}
