package io.chainstore.oltp.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal into problem+json that names the offending field ({@link Problems}): the
 * service's own refusals, input that breaks the strict JSON and parameter rules, Spring MVC's
 * refusals, database constraints and outages ({@link DatabaseErrors}), and, logged, anything
 * unexpected as a 500 without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  private final ObjectMapper json;
  private final DatabaseErrors database;

  ProblemHandler(ObjectMapper json, DatabaseErrors database) {
    this.json = json;
    this.database = database;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> handleApi(ApiException e) {
    return respond(Problems.of(e.status(), e.field(), e.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
    RejectedValue rejected = Causes.find(e, RejectedValue.class);
    String message =
        rejected != null ? rejected.getMessage() : Expected.of(e.getRequiredType(), json);
    return respond(Problems.of(HttpStatus.BAD_REQUEST, e.getName(), message));
  }

  /**
   * Anything else: a failure of the database, also one wrapped in another exception, as {@link
   * DatabaseErrors} classifies it; what it does not know is the service's own fault.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleOther(Exception e) {
    return database
        .classify(e)
        .map(
            p -> {
              ResponseEntity.BodyBuilder response = ResponseEntity.status(p.status());
              p.retryAfter(response::header);
              return response.body(p.body());
            })
        .orElseGet(() -> unexpected(e));
  }

  private ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("unexpected error", e);
    return respond(
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged"));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return badRequest(
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> Problems.error(f.getField(), f.getDefaultMessage()))
            .sorted(Comparator.comparing((Map<String, String> err) -> err.get("field")))
            .toList());
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors body) {
        // A @Valid body checked together with constrained parameters: name its fields.
        for (FieldError fieldError : body.getFieldErrors()) {
          errors.add(Problems.error(fieldError.getField(), fieldError.getDefaultMessage()));
        }
        continue;
      }
      String field = result.getMethodParameter().getParameterName();
      for (var resolvable : result.getResolvableErrors()) {
        errors.add(
            Problems.error(field == null ? "parameter" : field, resolvable.getDefaultMessage()));
      }
    }
    return badRequest(errors);
  }

  /** A body that is not the JSON the operation takes, named as precisely as the parser allows. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    JsonParseException parse = Causes.find(cause, JsonParseException.class);
    String field = "body";
    String message;
    if (parse != null && parse.getOriginalMessage().startsWith("Duplicate field")) {
      field = path(((JsonParser) parse.getProcessor()).getParsingContext());
      message = "appears more than once";
    } else if (cause instanceof JsonMappingException mapping && parse == null) {
      field = path(mapping.getPath());
      message = describe(mapping);
    } else if (cause == null
        && String.valueOf(e.getMessage()).startsWith("Required request body")) {
      message = "is missing";
    } else {
      message = "is not valid JSON";
    }
    return badRequest(List.of(Problems.error(field, message)));
  }

  private String describe(JsonMappingException mapping) {
    RejectedValue rejected = Causes.find(mapping, RejectedValue.class);
    if (rejected != null) {
      return rejected.getMessage();
    }
    if (mapping instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (mapping.getPath().isEmpty()
        && String.valueOf(mapping.getOriginalMessage()).startsWith("Trailing token")) {
      return "must be one JSON value with nothing after it";
    }
    InputCoercionException range = Causes.find(mapping, InputCoercionException.class);
    if (range != null) {
      return Expected.of(range.getTargetType(), json);
    }
    if (mapping instanceof MismatchedInputException mismatch) {
      return Expected.of(mismatch.getTargetType(), json);
    }
    if (mapping instanceof ValueInstantiationException instantiation) {
      return Expected.of(instantiation.getType().getRawClass(), json);
    }
    return "has the wrong type";
  }

  /**
   * Spring MVC's own refusals (a missing parameter or header, a wrong method or media type, an
   * unknown path) keep their problem body and gain the field they are about.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(e, body, headers, status, request);
    String field = fieldOf(e);
    if (response != null
        && response.getBody() instanceof ProblemDetail problem
        && field != null
        && (problem.getProperties() == null || !problem.getProperties().containsKey("field"))) {
      problem.setProperty("field", field);
      problem.setProperty("errors", List.of(Problems.error(field, problem.getDetail())));
    }
    return response;
  }

  private static String fieldOf(Exception e) {
    if (e instanceof MissingServletRequestParameterException missing) {
      return missing.getParameterName();
    }
    if (e instanceof MissingRequestHeaderException header) {
      return header.getHeaderName();
    }
    if (e instanceof HttpRequestMethodNotSupportedException) {
      return "method";
    }
    if (e instanceof HttpMediaTypeNotSupportedException) {
      return "Content-Type";
    }
    if (e instanceof HttpMediaTypeNotAcceptableException) {
      return "Accept";
    }
    if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
      return "path";
    }
    return null;
  }

  private static ResponseEntity<Object> badRequest(List<Map<String, String>> errors) {
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, errors));
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  /** A JSON path as a field name: {@code lines[0].quantity}. */
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

  /** Where a parser stands, as a field name. */
  private static String path(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.push(c);
    }
    StringBuilder out = new StringBuilder();
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        out.append('[').append(c.getCurrentIndex()).append(']');
      } else if (c.getCurrentName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(c.getCurrentName());
      }
    }
    return out.isEmpty() ? "body" : out.toString();
  }
}
