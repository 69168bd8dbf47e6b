package io.chainstore.oltp.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What a failure of the database means to the client: unavailable (503, try again after a few
 * seconds), a constraint its input broke (4xx naming the field the constraint protects, from {@code
 * db/constraint-fields.properties}), or a value the database cannot hold (400). Anything else is
 * the service's own fault.
 */
@Component
public class DatabaseErrors {

  static final String CONSTRAINT_FIELDS = "db/constraint-fields.properties";

  /** How the client is answered. {@code retryAfterSeconds} is 0 unless it should try again. */
  public record Problem(HttpStatus status, String field, String detail, int retryAfterSeconds) {

    public ProblemDetail body() {
      return Problems.of(status, field, detail);
    }

    /** Retry-After, when the client should try again, for a response built outside Spring MVC. */
    public void retryAfter(BiConsumer<String, String> header) {
      if (retryAfterSeconds > 0) {
        header.accept(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
      }
    }

    /** The whole response, outside Spring MVC (filters, error pages). */
    public void write(HttpServletResponse response, ObjectMapper json) throws IOException {
      retryAfter(response::setHeader);
      Problems.write(response, json, body());
    }
  }

  private final Map<String, String> fields = constraintFields();
  private final int retryAfterSeconds;

  DatabaseErrors(@Value("${chainstore.retry-after-seconds:5}") int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Optional<Problem> classify(Throwable failure) {
    if (unavailable(failure)) {
      String why =
          lostARace(failure)
              ? "the request met a concurrent one in the database (a deadlock or a serialization"
                  + " failure) and was rolled back"
              : "the database is unavailable";
      return Optional.of(
          new Problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              null,
              why
                  + "; retry after Retry-After seconds (with the same Idempotency-Key a retry"
                  + " never applies a write twice)",
              retryAfterSeconds));
    }
    PSQLException sql = Causes.find(failure, PSQLException.class);
    if (sql == null || sql.getSQLState() == null) {
      return Optional.empty();
    }
    String state = sql.getSQLState();
    String constraint =
        sql.getServerErrorMessage() == null ? null : sql.getServerErrorMessage().getConstraint();
    String field = constraint == null ? null : fields.get(constraint);
    if (state.startsWith("23") && field != null && !field.equals("-")) {
      return Optional.of(
          switch (state) {
            case "23505" -> new Problem(HttpStatus.CONFLICT, field, "is already taken", 0);
            // An exclusion constraint: the time (or thing) is already held by another row.
            case "23P01" -> new Problem(HttpStatus.CONFLICT, field, "is already taken then", 0);
            case "23503" ->
                new Problem(
                    HttpStatus.UNPROCESSABLE_ENTITY, field, "refers to something unknown", 0);
            default -> new Problem(HttpStatus.BAD_REQUEST, field, "is not allowed", 0);
          });
    }
    if (state.startsWith("22")) {
      // A value the database cannot hold (too long, out of range); input rules should stop these
      // first, this keeps any that slip through a client error.
      return Optional.of(
          new Problem(HttpStatus.BAD_REQUEST, "body", "holds a value the service cannot store", 0));
    }
    return Optional.empty();
  }

  /** True when the transaction was rolled back for a deadlock or a serialization failure. */
  static boolean lostARace(Throwable failure) {
    return Causes.any(failure, t -> t instanceof SQLException sql && lostARace(sql.getSQLState()));
  }

  /** 40001, 40P01: a serialization failure, a deadlock; the transaction was rolled back whole. */
  private static boolean lostARace(String state) {
    return "40001".equals(state) || "40P01".equals(state);
  }

  /**
   * True when the database cannot be reached, is going away, or gave up the request's transaction
   * for a moment's reason: the client may simply retry.
   */
  static boolean unavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting up;
        // 53300: all its connections taken; a lost race was rolled back whole, so the same
        // request again is safe.
        if (state.startsWith("08")
            || state.matches("57P0[123]")
            || state.equals("53300")
            || lostARace(state)) {
          return true;
        }
      }
      // The commit or the rollback itself failed: the connection broke under it (the pool has
      // closed it by then, so the error carries no state). The transaction was rolled back, or its
      // commit's outcome is unknown; either way the same request with the same key is safe, since
      // a committed request's answer was stored with it. (Constraint and serialization failures at
      // commit are translated to other exceptions.)
      if (t instanceof TransactionSystemException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The constraints of the schema and the request field each protects ("-": none). */
  static Map<String, String> constraintFields() {
    Properties properties = new Properties();
    try (InputStream in =
        DatabaseErrors.class.getClassLoader().getResourceAsStream(CONSTRAINT_FIELDS)) {
      if (in == null) {
        throw new IllegalStateException(CONSTRAINT_FIELDS + " is missing");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> out = new TreeMap<>();
    properties.forEach((k, v) -> out.put(k.toString(), v.toString().strip()));
    return out;
  }
}
