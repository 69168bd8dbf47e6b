package io.chainstore.batch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/** An embedded PostgreSQL with the transactional service's schema, as the batch jobs read it. */
public final class OltpDatabase {

  private OltpDatabase() {}

  public static EmbeddedPostgres start() throws IOException {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("oltp.migrations")))) {
      // In version order, as Flyway applies them (V10 after V9, not after V1).
      for (Path file :
          files
              .sorted(
                  Comparator.comparingInt(
                      f ->
                          Integer.parseInt(
                              f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
              .toList()) {
        jdbc.execute(Files.readString(file));
      }
    }
    return postgres;
  }
}
