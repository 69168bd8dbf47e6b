package io.chainstore.oltp.web;

import org.springframework.http.HttpStatus;

/** A request the service refuses, with the field that caused it (null when none does). */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  public ApiException(HttpStatus status, String field, String detail) {
    super(detail);
    this.status = status;
    this.field = field;
  }

  public static ApiException notFound(String field, String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, field, detail);
  }

  public static ApiException conflict(String field, String detail) {
    return new ApiException(HttpStatus.CONFLICT, field, detail);
  }

  public static ApiException unprocessable(String field, String detail) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, field, detail);
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }
}
