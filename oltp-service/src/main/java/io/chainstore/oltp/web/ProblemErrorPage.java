package io.chainstore.oltp.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The servlet container's error page, in place of Spring Boot's JSON: what fails outside the
 * controllers (a filter's exception, an error a component sends with sendError) is answered as
 * problem+json too, never with a stack trace. A database that cannot be reached is a 503 with
 * Retry-After, as in the controllers.
 */
final class ProblemErrorPage extends HttpServlet implements ErrorController {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorPage.class);

  private final transient ObjectMapper json;
  private final transient DatabaseErrors database;

  ProblemErrorPage(ObjectMapper json, DatabaseErrors database) {
    this.json = json;
    this.database = database;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number ? number : 500;
    Optional<DatabaseErrors.Problem> known =
        Optional.ofNullable(failure).flatMap(database::classify);
    if (known.isPresent()) {
      known.get().write(response, json);
      return;
    }
    ProblemDetail problem;
    if (failure != null) {
      LOG.error("unexpected error outside the controllers", failure);
      problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged");
    } else {
      HttpStatus reason = HttpStatus.resolve(status);
      problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatusCode.valueOf(status < 400 ? 500 : status),
              reason == null ? "the request failed" : reason.getReasonPhrase());
    }
    Problems.write(response, json, problem);
  }

  @Configuration
  static class Registration {

    @Bean
    ProblemErrorPage problemErrorPage(ObjectMapper json, DatabaseErrors database) {
      return new ProblemErrorPage(json, database);
    }

    @Bean
    ServletRegistrationBean<ProblemErrorPage> problemErrorPageServlet(ProblemErrorPage page) {
      return new ServletRegistrationBean<>(page, "/error");
    }
  }
}
