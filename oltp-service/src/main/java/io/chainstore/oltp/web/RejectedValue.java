package io.chainstore.oltp.web;

/**
 * A value refused by one of the service's input rules, with the reason a client reads. Thrown while
 * reading JSON or converting a parameter; the problem handler names the field it was found in.
 */
public class RejectedValue extends IllegalArgumentException {

  public RejectedValue(String reason) {
    super(reason);
  }
}
