package io.chainstore.warehouse;

import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar warehouse-schema.jar [--url U] [--database D] [--user U] [--password P]}.
 * Options override the CLICKHOUSE_* environment variables.
 */
public final class MigratorCli {

  private MigratorCli() {}

  public static void main(String[] args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--url" -> env.put("CLICKHOUSE_URL", args[i + 1]);
        case "--database" -> env.put("CLICKHOUSE_DATABASE", args[i + 1]);
        case "--user" -> env.put("CLICKHOUSE_USER", args[i + 1]);
        case "--password" -> env.put("CLICKHOUSE_PASSWORD", args[i + 1]);
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    ClickHouseSettings settings = ClickHouseSettings.fromEnvironment(env);
    List<Migration> applied = new Migrator(new ClickHouseClient(settings)).migrate();
    for (Migration m : applied) {
      System.out.println("applied V" + m.version() + " " + m.description());
    }
    System.out.println(
        "database " + settings.database() + " is up to date (" + applied.size() + " applied now)");
  }
}
