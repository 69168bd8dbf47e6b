package io.chainstore.ingestion;

import io.chainstore.ingestion.ConnectorConfig.PostgresTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The page Prometheus scrapes from a connector: what it forwarded ({@link CdcMetrics}) and the
 * replication slots' health ({@link SlotHealth}), read from PostgreSQL at each scrape (one short
 * connection), so they are right even while the connector is down. While PostgreSQL does not
 * answer, {@code chainstore_cdc_postgres_up} is 0 and the slots are missing.
 */
public final class CdcMetricsPage {

  /** Prometheus' text exposition format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private CdcMetricsPage() {}

  /**
   * The page for {@code forwarded} (null: no connector here) and the slots of {@code db} (null: not
   * known yet, so no slot figures).
   */
  public static String render(CdcMetrics forwarded, PostgresTarget db) {
    StringBuilder body = new StringBuilder();
    if (forwarded != null) {
      body.append(forwarded.prometheusText());
    }
    if (db == null) {
      return body.toString();
    }
    int up = 1;
    try (Connection c = connect(db)) {
      body.append(SlotHealth.prometheusText(SlotHealth.read(c)));
    } catch (SQLException e) {
      up = 0;
    }
    PrometheusText.header(body, "chainstore_cdc_postgres_up", "gauge", "1 while PostgreSQL answers")
        .append("chainstore_cdc_postgres_up ")
        .append(up)
        .append('\n');
    return body.toString();
  }

  /**
   * Through the driver itself rather than {@code DriverManager}, which does not see a driver that
   * only a Connect plugin's class loader holds; with timeouts, so a scrape never hangs.
   */
  private static Connection connect(PostgresTarget db) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", db.user());
    login.setProperty("password", db.password());
    login.setProperty("connectTimeout", "3");
    login.setProperty("socketTimeout", "5");
    String url = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database();
    Connection connection = new Driver().connect(url, login);
    if (connection == null) {
      throw new SQLException("the driver did not accept " + url);
    }
    return connection;
  }
}
