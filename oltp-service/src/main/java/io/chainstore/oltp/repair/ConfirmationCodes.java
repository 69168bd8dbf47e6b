package io.chainstore.oltp.repair;

import io.chainstore.oltp.web.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * One-time codes that confirm one version of a quote. The technician's device shows the code; the
 * customer enters it (on that device or in the storefront). Only a hash is stored, bound to the
 * work order and the version, so a code cannot confirm another order or a later version.
 */
final class ConfirmationCodes {

  /** Wrong tries a code survives; the next one needs a new code. */
  static final int MAX_ATTEMPTS = 5;

  /** How long a code is valid, in minutes. */
  static final int VALID_MINUTES = 15;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ConfirmationCodes() {}

  /** Six random digits. */
  static String newCode() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  static String hash(long workOrderId, int version, String code) {
    return Sha256.hex(workOrderId + ":" + version + ":" + code);
  }

  /** What a stored code says of an entered one. */
  enum Verdict {
    CONFIRMS,
    WRONG,
    USED,
    EXPIRED,
    TOO_MANY_TRIES,
    STALE
  }

  /** The stored code as the database has it now. */
  record Stored(int version, String hash, boolean expired, int attempts, boolean used) {}

  /**
   * Checks an entered code against the newest stored one for the quote now at {@code version}. A
   * used code is refused before anything else (it confirmed its version once); a code of an older
   * version is stale whatever was entered.
   */
  static Verdict check(Stored stored, long workOrderId, int version, String entered) {
    if (stored.used()) {
      return Verdict.USED;
    }
    if (stored.version() != version) {
      return Verdict.STALE;
    }
    if (stored.attempts() >= MAX_ATTEMPTS) {
      return Verdict.TOO_MANY_TRIES;
    }
    if (stored.expired()) {
      return Verdict.EXPIRED;
    }
    // Constant-time comparison: the time taken says nothing about how close a guess was.
    boolean matches =
        MessageDigest.isEqual(
            stored.hash().getBytes(StandardCharsets.US_ASCII),
            hash(workOrderId, version, entered).getBytes(StandardCharsets.US_ASCII));
    return matches ? Verdict.CONFIRMS : Verdict.WRONG;
  }
}
