package io.chainstore.oltp.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.oltp.web.DatabaseErrors;
import io.chainstore.oltp.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every endpoint needs an API key except health and the OpenAPI document. Refusals are problem+json
 * like every other error: 401 without a valid key, 403 for the wrong role or store.
 */
@Configuration
class SecurityConfiguration {

  private final ApiKeys keys;
  private final ObjectMapper json;
  private final DatabaseErrors database;
  private final String bootstrapAdminKey;

  SecurityConfiguration(
      ApiKeys keys,
      ObjectMapper json,
      DatabaseErrors database,
      @Value("${chainstore.admin-api-key:}") String bootstrapAdminKey) {
    this.keys = keys;
    this.json = json;
    this.database = database;
    this.bootstrapAdminKey = bootstrapAdminKey;
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .requestCache(c -> c.disable())
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(keys, database, json),
            AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        path("/actuator/health/**"), path("/v3/api-docs/**"), path("/error"))
                    .permitAll()
                    .requestMatchers(path("/actuator/prometheus"))
                    .hasAnyRole(Role.MONITORING.name(), Role.HQ_ADMIN.name())
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, ex) ->
                            write(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "a valid API key is required (Authorization: Bearer <key>)"))
                    .accessDeniedHandler(
                        (request, response, ex) ->
                            write(
                                response, HttpStatus.FORBIDDEN, "this key's role may not do this")))
        .build();
  }

  // Plain path patterns: the MVC matchers of requestMatchers(String) ask Spring MVC's handler
  // mappings on every request, which costs more than the patterns themselves.
  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /** Tracing every security filter costs more than a checkout's own work. */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** The first HQ admin key comes from configuration (CHAINSTORE_ADMIN_API_KEY); others from it. */
  @EventListener(ApplicationReadyEvent.class)
  void registerBootstrapAdminKey() {
    if (!bootstrapAdminKey.isBlank()) {
      keys.registerIfAbsent("bootstrap admin", bootstrapAdminKey, Role.HQ_ADMIN);
    }
  }

  private void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    Problems.write(response, json, Problems.of(status, "Authorization", detail));
  }

  /**
   * Requests the firewall refuses (an encoded ; or / in the path, a .. segment, a method like
   * TRACE, a control character in a header): problem+json with the firewall's reason.
   */
  @Bean
  RequestRejectedHandler refusedRequests() {
    return (request, response, e) -> {
      String reason = String.valueOf(e.getMessage());
      boolean method = reason.contains("HTTP method");
      String field = method ? "method" : reason.contains("header") ? "headers" : "path";
      Problems.write(
          response,
          json,
          Problems.of(
              method ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.BAD_REQUEST, field, reason));
    };
  }
}
