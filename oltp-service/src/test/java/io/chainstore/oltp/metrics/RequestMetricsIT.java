package io.chainstore.oltp.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import io.chainstore.oltp.access.Role;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The service's Prometheus metrics: per endpoint and status, read only by a monitoring key. */
class RequestMetricsIT extends ApiTestSupport {

  private static final String METRICS = "/actuator/prometheus";

  @Test
  void everyRequestIsCountedUnderItsRouteAndStatus() {
    String monitoring = keyFor(Role.MONITORING, null);
    Fixture f = fixture(new BigDecimal("3.00"), 10);
    String created = series("POST", "/api/orders", 201);
    String badRequest = series("POST", "/api/orders", 400);
    String read = series("GET", "/api/orders/{orderId}", 200);
    String scraped = getAs(monitoring, METRICS).raw().body();
    double createdBefore = value(scraped, created);
    double badBefore = value(scraped, badRequest);
    double readBefore = value(scraped, read);

    long orderId = 0;
    for (int i = 0; i < 3; i++) {
      Reply order = post("/api/orders", order(f.store(), "pos", f.sku(), 1), null);
      assertThat(order.status()).isEqualTo(201);
      orderId = order.body().path("id").asLong();
    }
    assertThat(post("/api/orders", "{\"storeId\": \"x\"}", null).status()).isEqualTo(400);
    assertThat(get("/api/orders/" + orderId).status()).isEqualTo(200);

    scraped = getAs(monitoring, METRICS).raw().body();
    assertThat(value(scraped, created)).isEqualTo(createdBefore + 3);
    assertThat(value(scraped, badRequest)).isEqualTo(badBefore + 1);
    assertThat(value(scraped, read)).isEqualTo(readBefore + 1);
    // The route, never the raw path: an id would make a series of its own.
    assertThat(scraped).doesNotContain("uri=\"/api/orders/" + orderId + "\"");
    // Latency buckets a p99 can be computed from, and the connection pool's figures.
    assertThat(scraped)
        .contains("http_server_requests_seconds_bucket{application=\"oltp-service\"")
        .contains("le=\"0.1\"")
        .contains("hikaricp_connections_active");
  }

  @Test
  void onlyAMonitoringOrAdminKeyReadsTheMetricsAndAMonitoringKeyReadsNothingElse() {
    Fixture f = fixture(new BigDecimal("1.00"), 1);
    String monitoring = keyFor(Role.MONITORING, null);
    assertThat(getAs(null, METRICS).status()).isEqualTo(401);
    assertThat(getAs(keyFor(Role.POS, f.store()), METRICS).status()).isEqualTo(403);
    assertThat(getAs(keyFor(Role.HQ_ANALYST, null), METRICS).status()).isEqualTo(403);
    assertThat(get(METRICS).status()).isEqualTo(200);
    assertThat(getAs(monitoring, METRICS).raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));

    assertThat(getAs(monitoring, "/api/stock/" + f.sku()).status()).isEqualTo(403);
    assertThat(getAs(monitoring, "/api/locations").status()).isEqualTo(403);
    Reply sale = postAs(monitoring, "/api/orders", order(f.store(), "pos", f.sku(), 1), null);
    assertThat(sale.status()).isEqualTo(403);
    assertThat(reserved(f.sku(), f.store())).isZero();
  }

  private static String series(String method, String uri, int status) {
    return "http_server_requests_seconds_count\\{[^}]*method=\""
        + method
        + "\"[^}]*status=\""
        + status
        + "\"[^}]*uri=\""
        + Pattern.quote(uri)
        + "\"[^}]*\\} ";
  }

  /** A counter's value in the scrape; 0 before its first request. */
  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("^" + series + "(\\S+)$", Pattern.MULTILINE).matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
