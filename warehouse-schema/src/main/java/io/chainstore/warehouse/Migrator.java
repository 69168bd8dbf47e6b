package io.chainstore.warehouse;

import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Applies the numbered migrations each once, in order, and records each applied version with its
 * checksum in {@code schema_migrations}. A changed script that was already applied is an error:
 * history is fixed, a change is a new migration.
 *
 * <p>On a cluster the same files are applied rewritten by {@link ClusterDdl}: each statement runs
 * {@code ON CLUSTER}, tables are Replicated with a Distributed table of their name in front, and
 * {@code schema_migrations} is replicated too, so that the migrator may talk to any replica.
 */
public final class Migrator {

  public static final String CLASSPATH_LOCATION = "clickhouse/migrations";

  private static final String CREATE_SCHEMA_MIGRATIONS =
      "CREATE TABLE IF NOT EXISTS "
          + WarehouseTables.SCHEMA_MIGRATIONS
          + " (version UInt32, description String, checksum String, applied_at DateTime)"
          + " ENGINE = MergeTree ORDER BY version";

  private final ClickHouseClient client;
  private final String cluster;

  /** A migrator for a single server. */
  public Migrator(ClickHouseClient client) {
    this(client, null);
  }

  /**
   * A migrator for the cluster {@code cluster} (as named in the servers' {@code remote_servers}),
   * reached through the replica {@code client} talks to; null for a single server.
   */
  public Migrator(ClickHouseClient client, String cluster) {
    this.client = client;
    this.cluster = cluster;
  }

  /** Creates the database if needed, then applies pending migrations. Returns those applied. */
  public List<Migration> migrate(List<Migration> migrations) {
    ClickHouseSettings settings = client.settings();
    ClusterDdl ddl = cluster == null ? null : new ClusterDdl(cluster, settings.database());
    if (ddl == null) {
      new ClickHouseClient(settings.withDatabase("default"))
          .execute("CREATE DATABASE IF NOT EXISTS " + settings.database());
      client.execute(CREATE_SCHEMA_MIGRATIONS);
    } else {
      List<String> bookkeeping = ddl.rewrite(CREATE_SCHEMA_MIGRATIONS);
      // ON CLUSTER statements wait for every replica: once this one has the bookkeeping table,
      // leave them out, so that a migration run that applies nothing needs no other replica.
      ClickHouseClient admin = new ClickHouseClient(settings.withDatabase("default"));
      if (!hasBookkeeping(admin, settings.database())) {
        admin.execute(ddl.createDatabase());
        bookkeeping.forEach(client::execute);
      }
      syncBookkeeping(ddl);
    }

    Map<Integer, String> applied = new HashMap<>();
    for (Map<String, String> row :
        client.query("SELECT version, checksum FROM " + WarehouseTables.SCHEMA_MIGRATIONS)) {
      applied.put(Integer.parseInt(row.get("version")), row.get("checksum"));
    }

    List<Migration> ordered = Migration.inOrder(migrations);
    // Every file is rewritten before any runs: a statement the cluster cannot take stops the run
    // before it changes anything, and each rewrite knows the tables of the files before it.
    Map<Integer, List<String>> statements = new HashMap<>();
    for (Migration migration : ordered) {
      statements.put(
          migration.version(), ddl == null ? migration.statements() : onCluster(ddl, migration));
    }
    List<Migration> done = new ArrayList<>();
    for (Migration migration : ordered) {
      String checksum = applied.get(migration.version());
      if (checksum != null) {
        if (!checksum.equals(migration.checksum())) {
          throw new ClickHouseException(
              "migration V"
                  + migration.version()
                  + " was changed after it was applied; add a new migration instead");
        }
        continue;
      }
      for (String statement : statements.get(migration.version())) {
        client.execute(statement);
      }
      String record =
          "INSERT INTO "
              + WarehouseTables.SCHEMA_MIGRATIONS
              + " (version, description, checksum, applied_at) SELECT "
              + migration.version()
              + ", '"
              + migration.description()
              + "', '"
              + migration.checksum()
              + "', now()";
      if (ddl == null) {
        client.execute(record);
      } else {
        ddl.rewrite(record).forEach(client::execute);
      }
      done.add(migration);
    }
    return done;
  }

  /** The statements of {@code migration} rewritten for the cluster; the error names the file. */
  static List<String> onCluster(ClusterDdl ddl, Migration migration) {
    List<String> rewritten = new ArrayList<>();
    for (String statement : migration.statements()) {
      try {
        rewritten.addAll(ddl.rewrite(statement));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            migration.fileName()
                + ": cannot apply on cluster "
                + ddl.cluster()
                + ": "
                + e.getMessage()
                + "; in ["
                + (statement.length() <= 200 ? statement : statement.substring(0, 200) + "…")
                + "]",
            e);
      }
    }
    return rewritten;
  }

  /** True when the replica {@code admin} talks to has the replicated bookkeeping table. */
  private static boolean hasBookkeeping(ClickHouseClient admin, String database) {
    return !"0"
        .equals(
            admin.queryValue(
                "SELECT count() FROM system.tables WHERE database = '"
                    + database
                    + "' AND name = '"
                    + WarehouseTables.SCHEMA_MIGRATIONS
                    + ClusterDdl.LOCAL_SUFFIX
                    + "'"));
  }

  /** Waits until this replica has every record another replica wrote. */
  private void syncBookkeeping(ClusterDdl ddl) {
    client.execute("SYSTEM SYNC REPLICA " + ddl.local(WarehouseTables.SCHEMA_MIGRATIONS));
  }

  /** Applies the migrations shipped in this module. */
  public List<Migration> migrate() {
    return migrate(loadFromClasspath(CLASSPATH_LOCATION));
  }

  /** Versions recorded as applied, in order. */
  public List<Integer> appliedVersions() {
    if (cluster != null) {
      syncBookkeeping(new ClusterDdl(cluster, client.settings().database()));
    }
    List<Integer> versions = new ArrayList<>();
    for (Map<String, String> row :
        client.query(
            "SELECT version FROM " + WarehouseTables.SCHEMA_MIGRATIONS + " ORDER BY version")) {
      versions.add(Integer.parseInt(row.get("version")));
    }
    return versions;
  }

  /** Reads every {@code V*.sql} under a classpath folder, from a directory or from a jar. */
  public static List<Migration> loadFromClasspath(String location) {
    URL url = Migrator.class.getClassLoader().getResource(location);
    if (url == null) {
      throw new IllegalStateException("no migrations on the classpath at " + location);
    }
    try {
      List<Migration> migrations = new ArrayList<>();
      if ("jar".equals(url.getProtocol())) {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            if (name.startsWith(location + "/") && Migration.isMigrationFile(fileName)) {
              try (InputStream in = jar.getInputStream(entry)) {
                migrations.add(
                    Migration.parse(
                        fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
              }
            }
          }
        }
      } else {
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
          for (Path file : files.toList()) {
            String fileName = file.getFileName().toString();
            if (Migration.isMigrationFile(fileName)) {
              migrations.add(Migration.parse(fileName, Files.readString(file)));
            }
          }
        }
      }
      return Migration.inOrder(migrations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
