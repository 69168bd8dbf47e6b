package io.chainstore.oltp.order;

/** An order was cancelled; published inside the cancelling transaction. */
public record OrderCancelled(long orderId) {}
