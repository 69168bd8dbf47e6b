package io.chainstore.oltp.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as this service writes them: {@code field} names the first offending
 * input, {@code errors} lists every one. Also written by filters and the servlet container's error
 * page, outside Spring MVC.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /** A problem with one offending field (none when {@code field} is null). */
  public static ProblemDetail of(HttpStatusCode status, String field, String message) {
    return field == null
        ? ProblemDetail.forStatusAndDetail(status, message)
        : of(status, List.of(error(field, message)));
  }

  /** A problem naming every offending field; the detail lists them as "field: message". */
  public static ProblemDetail of(HttpStatusCode status, List<Map<String, String>> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status,
            String.join(
                "; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList()));
    if (!errors.isEmpty()) {
      problem.setProperty("field", errors.get(0).get("field"));
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  public static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message == null ? "is invalid" : message);
  }

  /** Writes the problem as the whole response (outside Spring MVC: filters, error pages). */
  public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
