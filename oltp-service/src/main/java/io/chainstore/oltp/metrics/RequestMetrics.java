package io.chainstore.oltp.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Rate, errors and latency per endpoint as {@code http_server_requests_seconds} (the name and tags
 * of Spring's own metric, so the usual dashboards work): one timer per method, route pattern and
 * status, looked up in a map of its own. Spring's observation of every request does the same at
 * about a tenth of a checkout's CPU; this costs a map lookup and a histogram update. Outermost, so
 * requests refused before they reach an endpoint (401, 413) count too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestMetrics extends OncePerRequestFilter {

  static final String NAME = "http.server.requests";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** Bucket bounds a p99 per endpoint can be read from; the service answers in milliseconds. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5)
  };

  private record Key(String method, String uri, int status) {}

  private final MeterRegistry registry;
  private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    int status = 500; // what the container answers when an exception escapes the chain
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      Key key = new Key(method(request), uri(request, status), status);
      timers
          .computeIfAbsent(key, this::timer)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private Timer timer(Key key) {
    return Timer.builder(NAME)
        .description("HTTP requests by method, route and status")
        .tag("method", key.method())
        .tag("uri", key.uri())
        .tag("status", String.valueOf(key.status()))
        .tag("outcome", outcome(key.status()))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  /** Any other method string a client sends is one label value, not one each. */
  private static String method(HttpServletRequest request) {
    String method = request.getMethod();
    return METHODS.contains(method) ? method : "OTHER";
  }

  /** The endpoint's route pattern, never the raw path: ids would make a series each. */
  static String uri(HttpServletRequest request, int status) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern instanceof String route) {
      return route;
    }
    if (status == 404) {
      return "NOT_FOUND";
    }
    if (status == 401 || status == 403) {
      return "REFUSED"; // by the API-key check, before any endpoint was matched
    }
    return "UNKNOWN";
  }

  static String outcome(int status) {
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (status >= 400) {
      return "CLIENT_ERROR";
    }
    if (status >= 300) {
      return "REDIRECTION";
    }
    return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
  }
}
