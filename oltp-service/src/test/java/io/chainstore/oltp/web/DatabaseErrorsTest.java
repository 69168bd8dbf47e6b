package io.chainstore.oltp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionSystemException;

class DatabaseErrorsTest {

  private final DatabaseErrors errors = new DatabaseErrors(5);

  /** What PostgreSQL sends: its severity, SQLSTATE and message, as the driver reads them. */
  private static PSQLException server(String state, String message, String constraint) {
    String fields = "SERROR\0C" + state + "\0M" + message + "\0";
    if (constraint != null) {
      fields += "n" + constraint + "\0";
    }
    return new PSQLException(new ServerErrorMessage(fields));
  }

  private Optional<HttpStatus> status(Throwable failure) {
    return errors.classify(failure).map(DatabaseErrors.Problem::status);
  }

  @Test
  void aDatabaseThatIsAwayOrGaveUpTheTransactionForAMomentIsWorthARetry() {
    for (String state : new String[] {"08006", "57P01", "57P03", "53300", "40001", "40P01"}) {
      Throwable failure =
          new PessimisticLockingFailureException("translated", server(state, "gone", null));
      assertThat(errors.classify(failure))
          .as(state)
          .hasValueSatisfying(
              p -> {
                assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(p.retryAfterSeconds()).isEqualTo(5);
                assertThat(p.detail())
                    .startsWith(
                        state.startsWith("40")
                            ? "the request met a concurrent one in the database"
                            : "the database is unavailable;")
                    .contains("Idempotency-Key");
              });
    }
  }

  @Test
  void aDatabaseFailureInsideAnotherExceptionIsStillTheDatabases() {
    Throwable wrapped =
        new IllegalStateException(
            new DataAccessResourceFailureException("I/O", server("08006", "I/O error", null)));
    assertThat(status(wrapped)).hasValue(HttpStatus.SERVICE_UNAVAILABLE);
  }

  @Test
  void aCommitOrRollbackThatFailedOnABrokenConnectionIsWorthARetry() {
    // What the pool throws once it has closed a broken connection: no SQLSTATE.
    Throwable rollback =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    assertThat(status(rollback)).hasValue(HttpStatus.SERVICE_UNAVAILABLE);
  }

  @Test
  void aBrokenConstraintNamesTheFieldItProtects() {
    assertThat(errors.classify(server("23505", "duplicate key", "locations_code_key")))
        .hasValueSatisfying(
            p -> {
              assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(p.field()).isEqualTo("code");
            });
  }

  @Test
  void whatTheDatabaseDidNotCauseIsNotClassified() {
    assertThat(status(new IllegalStateException("a bug"))).isEmpty();
    assertThat(status(new UncheckedIOException(new java.io.IOException("disk")))).isEmpty();
    assertThat(status(server("42P01", "relation does not exist", null))).isEmpty();
  }
}
