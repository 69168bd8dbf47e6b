package io.chainstore.oltp;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The served OpenAPI document as a contract that every real exchange of the API tests is checked
 * against: each response must be one the document declares for the operation (status, media type,
 * body schema; undeclared properties included), and a request the service accepted must be one the
 * document allows. So the document cannot drift from the code without a test failing.
 */
public final class ApiContract {

  private static OpenApiInteractionValidator validator;
  private static String document;

  private ApiContract() {}

  /** The document the service serves (fetched once per test JVM). */
  public static synchronized String document(int port) {
    if (document == null) {
      try {
        document =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the OpenAPI document", e);
      }
    }
    return document;
  }

  /** One operation of the document: its method (lower case), path template and description. */
  public record Operation(String method, String path, JsonNode spec) {}

  /** Every operation the document describes. */
  public static List<Operation> operations(int port) {
    List<Operation> out = new ArrayList<>();
    try {
      new ObjectMapper()
          .readTree(document(port))
          .path("paths")
          .fields()
          .forEachRemaining(
              path ->
                  path.getValue()
                      .fields()
                      .forEachRemaining(
                          op -> out.add(new Operation(op.getKey(), path.getKey(), op.getValue()))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static synchronized OpenApiInteractionValidator validator(int port) {
    if (validator == null) {
      validator =
          OpenApiInteractionValidator.createForInlineApiSpecification(document(port))
              .withLevelResolver(
                  LevelResolver.create()
                      // Paths and methods the API does not have are refused with 404/405; there is
                      // no operation to compare them with.
                      .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                      .withLevel(
                          "validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                      .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                      .withLevel(
                          "validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                      .build())
              .build();
    }
    return validator;
  }

  /**
   * Throws when the exchange breaks the contract: any response the document does not declare, or a
   * request the document does not allow that the service nevertheless accepted (2xx).
   */
  public static void check(
      int port, HttpRequest request, String requestBody, HttpResponse<String> response) {
    URI uri = request.uri();
    if (!uri.getRawPath().startsWith("/api/")) {
      return;
    }
    Request.Method method = Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT));
    String path = URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
    ValidationReport report =
        responseReport(
            port, method, path, response.statusCode(), response.headers().map(), response.body());
    if (response.statusCode() >= 200 && response.statusCode() < 300) {
      SimpleRequest.Builder asked = new SimpleRequest.Builder(method, path);
      request.headers().map().forEach(asked::withHeader);
      if (uri.getRawQuery() != null) {
        for (String pair : uri.getRawQuery().split("&")) {
          String[] nameValue = pair.split("=", 2);
          asked.withQueryParam(
              decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
        }
      }
      if (requestBody != null && !requestBody.isEmpty()) {
        asked.withBody(requestBody);
      }
      report = report.merge(validator(port).validateRequest(asked.build()));
    }
    if (report.hasErrors()) {
      throw new AssertionError(
          request.method()
              + " "
              + uri.getRawPath()
              + " -> "
              + response.statusCode()
              + " breaks the OpenAPI document:\n"
              + SimpleValidationReportFormat.getInstance().apply(report)
              + "\nresponse: "
              + abbreviate(response.body()));
    }
  }

  /** What the document says of a response of the operation at {@code path}. */
  public static ValidationReport responseReport(
      int port,
      Request.Method method,
      String path,
      int status,
      Map<String, List<String>> headers,
      String body) {
    SimpleResponse.Builder answer = new SimpleResponse.Builder(status);
    headers.forEach(answer::withHeader);
    if (!body.isEmpty()) {
      answer.withBody(body);
    }
    return validator(port).validateResponse(path, method, answer.build());
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }
}
