package io.chainstore.streaming.cdc;

import java.io.Serializable;

/** Turns a change event of a topic into what a job reads, or null to skip it. */
@FunctionalInterface
public interface ChangeDecoder<T> extends Serializable {

  T decode(String table, Envelope event);
}
