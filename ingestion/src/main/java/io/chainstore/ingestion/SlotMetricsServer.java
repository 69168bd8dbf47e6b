package io.chainstore.ingestion;

import com.sun.net.httpserver.HttpServer;
import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Serves {@link SlotHealth} at {@code /metrics} for Prometheus, read from PostgreSQL at each scrape
 * (one short connection): the figures are PostgreSQL's, so they are right even while the connector
 * is down. An unreachable database answers 503, which Prometheus records as a failed scrape.
 */
public final class SlotMetricsServer implements AutoCloseable {

  private final HttpServer server;

  private SlotMetricsServer(HttpServer server) {
    this.server = server;
  }

  public static SlotMetricsServer start(PostgresTarget db, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    String url = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database();
    server.createContext(
        "/metrics",
        exchange -> {
          int status = 200;
          String body;
          try (Connection c = DriverManager.getConnection(url, db.user(), db.password())) {
            body = SlotHealth.prometheusText(SlotHealth.read(c));
          } catch (SQLException e) {
            status = 503;
            body = "PostgreSQL unreachable: " + e.getMessage() + "\n";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return new SlotMetricsServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
