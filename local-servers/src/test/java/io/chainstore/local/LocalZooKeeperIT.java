package io.chainstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server itself; ClickHouse's use of it (replicated tables, ON CLUSTER DDL) is tested by
 * warehouse-schema's ClusterMigratorIT. (ZooKeeper's Java client would need Netty, which this
 * module leaves out of the test classpaths it joins.)
 */
class LocalZooKeeperIT {

  @Test
  void answersAsAStandaloneServerAndComesBackOnItsPortAfterAKill(@TempDir Path dir)
      throws Exception {
    try (LocalZooKeeper server = LocalZooKeeper.start(dir)) {
      assertThat(server.status()).contains("Mode: standalone");
      int port = server.port();

      server.kill();
      assertThat(server.isAlive()).isFalse();
      assertThat(server.status()).isEmpty();

      server.restart();
      assertThat(server.port()).isEqualTo(port);
      assertThat(server.status()).contains("Mode: standalone");
      assertThat(dir.resolve("data/version-2")).isDirectory();
    }
  }
}
