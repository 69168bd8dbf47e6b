package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainstore.oltp.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

class RequestWorkersIT extends ApiTestSupport {

  @Autowired ServletWebServerApplicationContext context;

  @Test
  void theServerWorksOnTwoRequestsPerCoreAndTheRestWaitTheirTurn() throws Exception {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    AbstractProtocol<?> protocol =
        (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();
    int workers = RequestWorkers.defaultFor(Runtime.getRuntime().availableProcessors());
    assertThat(protocol.getMaxThreads()).isEqualTo(workers);

    // Five times as many clients as workers: every one is answered, none refused.
    ExecutorService clients = Executors.newFixedThreadPool(5 * workers);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 5 * workers; i++) {
        replies.add(clients.submit(() -> get("/api/locations")));
      }
      for (Future<Reply> reply : replies) {
        assertThat(reply.get().status()).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
