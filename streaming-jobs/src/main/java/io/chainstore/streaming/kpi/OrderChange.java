package io.chainstore.streaming.kpi;

import java.io.Serializable;

/** One change of an order row with its position in the source's write-ahead log. */
public record OrderChange(long lsn, OrderState order) implements Serializable {}
