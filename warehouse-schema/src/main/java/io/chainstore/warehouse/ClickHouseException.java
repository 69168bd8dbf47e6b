package io.chainstore.warehouse;

/** A statement ClickHouse rejected, or a server that could not be reached. */
public class ClickHouseException extends RuntimeException {
  public ClickHouseException(String message) {
    super(message);
  }

  public ClickHouseException(String message, Throwable cause) {
    super(message, cause);
  }
}
