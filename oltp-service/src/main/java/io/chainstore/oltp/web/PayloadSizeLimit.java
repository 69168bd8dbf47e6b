package io.chainstore.oltp.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the limit (413, problem+json) before anything reads them. Bodies
 * without a declared length are refused too: every client of this API knows its body's size.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // inside RequestMetrics, which counts its 413s
class PayloadSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final ObjectMapper json;

  PayloadSizeLimit(
      @Value("${chainstore.max-request-bytes:1048576}") long maxBytes, ObjectMapper json) {
    this.maxBytes = maxBytes;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length > maxBytes || (chunked && length < 0)) {
      Problems.write(
          response,
          json,
          Problems.of(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "body",
              "may be at most " + maxBytes + " bytes, with a Content-Length"));
      return;
    }
    chain.doFilter(request, response);
  }
}
