package io.chainstore.oltp.repair;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts a wrong try at a code in a transaction of its own: the refused request rolls back
 * everything else, but the try must count, or the limit of tries would limit nothing.
 */
@Component
class CodeAttempts {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;

  CodeAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Counts a wrong try; returns the tries left (0 when the code is spent). */
  int wrongTry(long codeId) {
    Integer attempts =
        own.execute(
            s ->
                jdbc.query(
                    "UPDATE work_order_codes SET attempts = attempts + 1"
                        + " WHERE id = ? AND attempts < ? RETURNING attempts",
                    rs -> rs.next() ? rs.getInt(1) : ConfirmationCodes.MAX_ATTEMPTS,
                    codeId,
                    ConfirmationCodes.MAX_ATTEMPTS));
    return ConfirmationCodes.MAX_ATTEMPTS - attempts;
  }
}
