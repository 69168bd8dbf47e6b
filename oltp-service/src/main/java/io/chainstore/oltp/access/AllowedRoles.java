package io.chainstore.oltp.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint: the one place that says so, both enforced (403 for any other
 * role, before the endpoint runs) and published in the OpenAPI document. An endpoint without it
 * refuses everyone. Store-bound roles are further limited to their own store by the endpoint.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedRoles {

  Role[] value() default {};

  /**
   * Every role of the chain's staff may call it (reads, which a store-bound caller sees for its own
   * store only); a supplier only where {@link #value()} names it as well.
   */
  boolean anyRole() default false;
}
