package io.chainstore.warehouse;

import io.chainstore.local.LocalClickHouse;
import io.chainstore.warehouse.ClickHouseClient.ClickHouseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One ClickHouse server per test JVM, started on first use and stopped when the JVM exits. Each
 * test gets a database of its own, so test classes never see each other's rows.
 */
public final class SharedClickHouse {

  private static LocalClickHouse server;

  private SharedClickHouse() {}

  public static synchronized LocalClickHouse server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("chainstore-clickhouse-");
        server = LocalClickHouse.start(dir);
        LocalClickHouse started = server;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      started.close();
                      deleteRecursively(dir);
                    }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** A new, empty database with all migrations applied. */
  public static ClickHouseClient migratedDatabase() {
    ClickHouseClient client =
        new ClickHouseClient(ClickHouseSettings.of(server().url(), uniqueDatabase()));
    new Migrator(client).migrate();
    return client;
  }

  /** Deletes a directory tree, best effort (for test data directories). */
  public static void deleteRecursively(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Left behind in the temp directory.
    }
  }

  public static String uniqueDatabase() {
    return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
