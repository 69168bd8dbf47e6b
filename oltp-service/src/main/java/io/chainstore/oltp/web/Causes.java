package io.chainstore.oltp.web;

import java.util.function.Predicate;

/** Looks through an exception's causes. */
final class Causes {

  private Causes() {}

  /** The first exception of the type in the chain of causes, or null. */
  static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** True when the failure or one of its causes passes {@code test}. */
  static boolean any(Throwable failure, Predicate<Throwable> test) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }
}
