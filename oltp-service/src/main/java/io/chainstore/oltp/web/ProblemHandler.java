package io.chainstore.oltp.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into RFC 9457 problem+json that names the offending field, in {@code field}
 * (the first) and {@code errors} (all of them).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> handleApi(ApiException e) {
    return ResponseEntity.status(e.status())
        .body(
            problem(
                e.status(),
                e.getMessage(),
                e.field() == null
                    ? List.of()
                    : List.of(Map.of("field", e.field(), "message", e.getMessage()))));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
    String message = "must be of type " + e.getRequiredType().getSimpleName();
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                e.getName() + ": " + message,
                List.of(Map.of("field", e.getName(), "message", message))));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> error(f.getField(), f.getDefaultMessage()))
            .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
            .toList();
    return badRequest(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors = new java.util.ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors body) {
        // A @Valid body checked together with constrained parameters: name its fields.
        for (FieldError fieldError : body.getFieldErrors()) {
          errors.add(error(fieldError.getField(), fieldError.getDefaultMessage()));
        }
        continue;
      }
      String field = result.getMethodParameter().getParameterName();
      for (var resolvable : result.getResolvableErrors()) {
        errors.add(error(field == null ? "parameter" : field, resolvable.getDefaultMessage()));
      }
    }
    return badRequest(errors);
  }

  private static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message == null ? "is invalid" : message);
  }

  private static ResponseEntity<Object> badRequest(List<Map<String, String>> errors) {
    String detail =
        errors.stream()
            .map(err -> err.get("field") + ": " + err.get("message"))
            .collect(Collectors.joining("; "));
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail, errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = "body";
    String message = "is not valid JSON";
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field = path(mapping.getPath());
      message = "has the wrong type or an unknown value";
      if (mapping
          instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
        message = "is not a known field";
        field = path(mapping.getPath());
      }
    } else if (e.getCause() == null || e.getMessage().contains("Required request body")) {
      message = "is missing";
    }
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                field + ": " + message,
                List.of(Map.of("field", field, "message", message))));
  }

  private static String path(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? "body" : out.toString();
  }

  static ProblemDetail problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (!errors.isEmpty()) {
      problem.setProperty("field", errors.get(0).get("field"));
      problem.setProperty("errors", errors);
    }
    return problem;
  }
}
