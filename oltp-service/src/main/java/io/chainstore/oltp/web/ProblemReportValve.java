package io.chainstore.oltp.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error responses as problem+json instead of its HTML page: requests refused before
 * they reach the application (a header or request line larger than Tomcat accepts, an invalid or
 * encoded-NUL path). Replaces the error report valve of the host.
 */
final class ProblemReportValve extends ErrorReportValve {

  private final ObjectMapper json;

  ProblemReportValve(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String detail =
        status == 400
            ? "the request line or headers are malformed, or larger than the server accepts"
            : known == null ? "the request failed" : known.getReasonPhrase();
    try {
      String body =
          json.writeValueAsString(
              Problems.of(
                  HttpStatusCode.valueOf(status), status == 400 ? "request" : null, detail));
      response.setContentType(Problems.MEDIA_TYPE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is going away; nothing more can be said.
    }
  }

  /** Puts the valve in place of the host's error report valve (after Spring Boot added its own). */
  @Component
  static class Installer
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectMapper json;

    Installer(ObjectMapper json) {
      this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            Host host = (Host) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
              if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
              }
            }
            pipeline.addValve(new ProblemReportValve(json));
            if (host instanceof StandardHost standard) {
              standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
