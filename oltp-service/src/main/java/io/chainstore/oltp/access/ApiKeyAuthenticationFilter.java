package io.chainstore.oltp.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <api key>}; anything else stays anonymous. */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";
  private final ApiKeys keys;

  ApiKeyAuthenticationFilter(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.startsWith(PREFIX)) {
      keys.authenticate(header.substring(PREFIX.length()).strip())
          .ifPresent(
              caller ->
                  SecurityContextHolder.getContext()
                      .setAuthentication(
                          new UsernamePasswordAuthenticationToken(
                              caller,
                              null,
                              List.of(
                                  new SimpleGrantedAuthority("ROLE_" + caller.role().name())))));
    }
    chain.doFilter(request, response);
  }
}
