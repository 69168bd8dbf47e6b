package io.chainstore.oltp.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainstore.oltp.access.Caller;
import io.chainstore.oltp.web.ApiException;
import io.chainstore.oltp.web.Sha256;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write at most once per {@code Idempotency-Key}. The key is claimed, the write done and its
 * response stored in one transaction: a concurrent retry waits on the key's row and then returns
 * the stored response; a failed write releases the key with everything else.
 */
@Component
public class IdempotentRequests {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final int MAX_KEY_LENGTH = 200;

  /** What a key may be: 1 to 200 visible ASCII characters (as the OpenAPI document says too). */
  public static final String KEY_PATTERN = "[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}";

  private static final Pattern VALID_KEY = Pattern.compile(KEY_PATTERN);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper json;

  IdempotentRequests(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.json = json;
  }

  /**
   * Runs {@code write} in a transaction. With a key, a repeat of the same request returns the first
   * response; the same key with a different request is refused with 422.
   */
  public <T> ResponseEntity<T> run(
      String scope, String key, Object request, HttpStatus status, Supplier<T> write) {
    if (key == null) {
      return ResponseEntity.status(status).body(tx.execute(s -> write.get()));
    }
    if (!VALID_KEY.matcher(key).matches()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          HEADER,
          "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID, say)");
    }
    // Keys are per caller: another client's identical key is another request.
    String callerScope = scope + " by key " + Caller.current().keyId();
    String requestHash = Sha256.hex(toJson(request));
    return tx.execute(
        s -> {
          int claimed =
              jdbc.update(
                  "INSERT INTO idempotency_keys (scope, idempotency_key, request_hash)"
                      + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                  callerScope,
                  key,
                  requestHash);
          if (claimed == 0) {
            return replay(callerScope, key, requestHash);
          }
          T body = write.get();
          String responseJson = toJson(body);
          jdbc.update(
              "UPDATE idempotency_keys SET response_status = ?, response_body = ?"
                  + " WHERE scope = ? AND idempotency_key = ?",
              status.value(),
              responseJson,
              callerScope,
              key);
          return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
        });
  }

  /**
   * The stored first response. Its body is the JSON text of a {@code T}; the cast is only nominal:
   * the text is written to the client unchanged.
   */
  @SuppressWarnings("unchecked")
  private <T> ResponseEntity<T> replay(String scope, String key, String requestHash) {
    List<StoredResponse> stored =
        jdbc.query(
            "SELECT request_hash, response_status, response_body FROM idempotency_keys"
                + " WHERE scope = ? AND idempotency_key = ?",
            (rs, i) ->
                new StoredResponse(
                    rs.getString("request_hash"),
                    rs.getInt("response_status"),
                    rs.getString("response_body")),
            scope,
            key);
    StoredResponse first = stored.get(0);
    if (!first.requestHash().equals(requestHash)) {
      throw ApiException.unprocessable(HEADER, "this key was already used for a different request");
    }
    return (ResponseEntity<T>)
        ResponseEntity.status(first.status())
            .contentType(MediaType.APPLICATION_JSON)
            .header(REPLAYED_HEADER, "true")
            .body(first.body());
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private record StoredResponse(String requestHash, int status, String body) {}
}
