package io.chainstore.warehouse;

import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar warehouse-schema.jar [--url U] [--database D] [--user U] [--password P]
 * [--cluster C]}. Options override the CLICKHOUSE_* environment variables. With a cluster (as named
 * in the servers' remote_servers) the schema is made replicated on all its replicas, through the
 * one at the URL.
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
        case "--cluster" -> env.put("CLICKHOUSE_CLUSTER", args[i + 1]);
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    ClickHouseSettings settings = ClickHouseSettings.fromEnvironment(env);
    String cluster = env.get("CLICKHOUSE_CLUSTER");
    if (cluster != null && cluster.isBlank()) {
      cluster = null;
    }
    List<Migration> applied = new Migrator(new ClickHouseClient(settings), cluster).migrate();
    for (Migration m : applied) {
      System.out.println("applied V" + m.version() + " " + m.description());
    }
    System.out.println(
        "database "
            + settings.database()
            + (cluster == null ? "" : " on cluster " + cluster)
            + " is up to date ("
            + applied.size()
            + " applied now)");
  }
}
