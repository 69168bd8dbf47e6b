package io.chainstore.oltp.web;

import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * How many requests are worked on at once: by default two per core (at least four). Requests spend
 * most of their time on CPU here and in PostgreSQL on the same cores, so more workers only add
 * switching; Tomcat's 200 made the checkout and slot-search benches slower and their tails longer
 * (README, Benchmarks). Further requests wait their turn on their open connection.
 */
@Component
class RequestWorkers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final int workers;

  RequestWorkers(@Value("${chainstore.http-workers:0}") int configured) {
    this.workers =
        configured > 0 ? configured : defaultFor(Runtime.getRuntime().availableProcessors());
  }

  static int defaultFor(int cores) {
    return Math.max(4, 2 * cores);
  }

  int workers() {
    return workers;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addConnectorCustomizers(
        connector -> {
          if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
            protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), workers));
            protocol.setMaxThreads(workers);
          }
        });
  }

  /** After Spring Boot's own customizer, which sets Tomcat's default of 200. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
