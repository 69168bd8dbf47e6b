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
 */
public final class Migrator {

  public static final String CLASSPATH_LOCATION = "clickhouse/migrations";

  private final ClickHouseClient client;

  public Migrator(ClickHouseClient client) {
    this.client = client;
  }

  /** Creates the database if needed, then applies pending migrations. Returns those applied. */
  public List<Migration> migrate(List<Migration> migrations) {
    ClickHouseSettings settings = client.settings();
    new ClickHouseClient(settings.withDatabase("default"))
        .execute("CREATE DATABASE IF NOT EXISTS " + settings.database());
    client.execute(
        "CREATE TABLE IF NOT EXISTS "
            + WarehouseTables.SCHEMA_MIGRATIONS
            + " (version UInt32, description String, checksum String, applied_at DateTime)"
            + " ENGINE = MergeTree ORDER BY version");

    Map<Integer, String> applied = new HashMap<>();
    for (Map<String, String> row :
        client.query("SELECT version, checksum FROM " + WarehouseTables.SCHEMA_MIGRATIONS)) {
      applied.put(Integer.parseInt(row.get("version")), row.get("checksum"));
    }

    List<Migration> ordered = Migration.inOrder(migrations);
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
      for (String statement : migration.statements()) {
        client.execute(statement);
      }
      client.execute(
          "INSERT INTO "
              + WarehouseTables.SCHEMA_MIGRATIONS
              + " (version, description, checksum, applied_at) SELECT "
              + migration.version()
              + ", '"
              + migration.description()
              + "', '"
              + migration.checksum()
              + "', now()");
      done.add(migration);
    }
    return done;
  }

  /** Applies the migrations shipped in this module. */
  public List<Migration> migrate() {
    return migrate(loadFromClasspath(CLASSPATH_LOCATION));
  }

  /** Versions recorded as applied, in order. */
  public List<Integer> appliedVersions() {
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
