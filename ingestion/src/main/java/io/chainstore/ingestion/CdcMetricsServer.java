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
 * Serves the connector's figures at {@code /metrics} for Prometheus: what it forwarded ({@link
 * CdcMetrics}) and the replication slots' health ({@link SlotHealth}), read from PostgreSQL at each
 * scrape (one short connection), so they are right even while the connector is down. While
 * PostgreSQL does not answer, {@code chainstore_cdc_postgres_up} is 0 and the slots are missing.
 */
public final class CdcMetricsServer implements AutoCloseable {

  private final HttpServer server;

  private CdcMetricsServer(HttpServer server) {
    this.server = server;
  }

  /** Serves on {@code port} (0: a free one); {@code forwarded} may be null (no connector here). */
  public static CdcMetricsServer start(PostgresTarget db, CdcMetrics forwarded, int port)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    String url = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database();
    server.createContext(
        "/metrics",
        exchange -> {
          StringBuilder body = new StringBuilder();
          if (forwarded != null) {
            body.append(forwarded.prometheusText());
          }
          int up = 1;
          try (Connection c = DriverManager.getConnection(url, db.user(), db.password())) {
            body.append(SlotHealth.prometheusText(SlotHealth.read(c)));
          } catch (SQLException e) {
            up = 0;
          }
          PrometheusText.header(
                  body, "chainstore_cdc_postgres_up", "gauge", "1 while PostgreSQL answers")
              .append("chainstore_cdc_postgres_up ")
              .append(up)
              .append('\n');
          byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return new CdcMetricsServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
