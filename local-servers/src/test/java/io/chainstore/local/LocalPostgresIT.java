package io.chainstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class LocalPostgresIT {

  @Test
  void aKilledServerStartsAgainOnItsDataAndPort() throws Exception {
    Path dir = Files.createTempDirectory("chainstore-pg-");
    LocalPostgres postgres = LocalPostgres.start(dir);
    try {
      try (Connection c = postgres.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (id int)");
        s.execute("INSERT INTO kept VALUES (1), (2)");
      }
      int port = postgres.port();
      assertThat(postgres.isAlive()).isTrue();

      postgres.kill();
      assertThat(postgres.isAlive()).isFalse();

      LocalPostgres killed = postgres;
      postgres = null;
      postgres = killed.restart();
      assertThat(postgres.port()).isEqualTo(port);
      try (Connection c = postgres.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }
}
