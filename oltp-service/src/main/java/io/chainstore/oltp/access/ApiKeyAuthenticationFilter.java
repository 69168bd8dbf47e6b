package io.chainstore.oltp.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.oltp.web.DatabaseErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>}; anything else stays anonymous. A key that
 * cannot be looked up because the database is away is answered 503 here, with one log line: left to
 * the container, every request of an outage would log a stack trace.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);
  private static final String PREFIX = "Bearer ";
  private final ApiKeys keys;
  private final DatabaseErrors database;
  private final ObjectMapper json;

  ApiKeyAuthenticationFilter(ApiKeys keys, DatabaseErrors database, ObjectMapper json) {
    this.keys = keys;
    this.database = database;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.startsWith(PREFIX)) {
      Optional<Caller> found;
      try {
        found = keys.authenticate(header.substring(PREFIX.length()).strip());
      } catch (RuntimeException e) {
        Optional<DatabaseErrors.Problem> outage =
            database.classify(e).filter(p -> p.status() == HttpStatus.SERVICE_UNAVAILABLE);
        if (outage.isEmpty()) {
          throw e;
        }
        LOG.warn("API key not looked up, the database is unavailable: {}", e.getMessage());
        outage.get().write(response, json);
        return;
      }
      found.ifPresent(
          caller ->
              SecurityContextHolder.getContext()
                  .setAuthentication(
                      new UsernamePasswordAuthenticationToken(
                          caller,
                          null,
                          List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())))));
    }
    chain.doFilter(request, response);
  }
}
