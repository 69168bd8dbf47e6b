package io.chainstore.ingestion;

import com.sun.net.httpserver.HttpServer;
import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves a standalone connector's {@link CdcMetricsPage} at {@code /metrics} for Prometheus. (On
 * Kafka Connect the worker serves it: {@link io.chainstore.ingestion.connect.CdcMetricsExtension}.)
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
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] bytes = CdcMetricsPage.render(forwarded, db).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", CdcMetricsPage.CONTENT_TYPE);
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
