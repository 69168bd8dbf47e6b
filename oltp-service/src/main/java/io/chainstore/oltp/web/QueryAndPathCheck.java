package io.chainstore.oltp.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The text rules for what is not JSON: the decoded path and every query parameter must be clean
 * text ({@link TextRules}), a parameter may appear once (which of two values counts would be a
 * guess), and a query that is not valid percent-encoded UTF-8 is refused rather than dropped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class QueryAndPathCheck extends OncePerRequestFilter {

  // Tomcat sets it when it could not decode a parameter, and then leaves the parameter out.
  private static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

  private final ObjectMapper json;

  QueryAndPathCheck(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    String pathProblem = TextRules.problem(path);
    if (pathProblem != null) {
      refuse(response, "path", pathProblem);
      return;
    }
    Map<String, String[]> parameters = request.getParameterMap();
    if (request.getAttribute(PARSE_FAILED) != null || !strictUtf8(request.getQueryString())) {
      refuse(response, "query", "must be valid percent-encoded UTF-8");
      return;
    }
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      String nameProblem = TextRules.problem(name);
      if (nameProblem != null) {
        refuse(response, "query", "parameter names " + nameProblem);
        return;
      }
      if (parameter.getValue().length > 1) {
        refuse(response, name, "may be given only once");
        return;
      }
      String valueProblem = TextRules.problem(parameter.getValue()[0]);
      if (valueProblem != null) {
        refuse(response, name, valueProblem);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether every percent-encoded sequence of the raw query is UTF-8. Tomcat decodes invalid ones
   * (an encoded surrogate, a stray byte) to U+FFFD, which would search for something not asked.
   */
  static boolean strictUtf8(String rawQuery) {
    if (rawQuery == null || rawQuery.indexOf('%') < 0) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawQuery.length());
    for (int i = 0; i < rawQuery.length(); i++) {
      char c = rawQuery.charAt(i);
      if (c == '%'
          && i + 2 < rawQuery.length()
          && HexFormat.isHexDigit(rawQuery.charAt(i + 1))
          && HexFormat.isHexDigit(rawQuery.charAt(i + 2))) {
        bytes.write(HexFormat.fromHexDigits(rawQuery, i + 1, i + 3));
        i += 2;
      } else if (c == '%') {
        return false;
      } else {
        bytes.write(c);
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private void refuse(HttpServletResponse response, String field, String message)
      throws IOException {
    Problems.write(response, json, Problems.of(HttpStatus.BAD_REQUEST, field, message));
  }
}
